using Makimono.Accounts;
using Makimono.Hosting;
using Makimono.Tests.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Accounts;

[Collection(DatabaseCollection.Name)]
public sealed class ConfusableNamesTests(TestDatabases databases)
{
    [Theory]
    [InlineData("\u0430lice")] // Cyrillic а
    [InlineData("alic\u0435")] // Cyrillic е
    [InlineData("\uFF41\uFF4C\uFF49\uFF43\uFF45")] // fullwidth
    [InlineData("aIice")] // capital I for l
    public async Task A_user_name_that_looks_like_another_is_refused(string lookalike)
    {
        await using var archive = await TestArchive.OpenAsync(databases, DatabaseProvider.Sqlite);
        Assert.True((await CreateUser.RunAsync(archive.Db, archive.Clock, "alice", "alice@example.org", "long enough 1", isAdmin: false)).Succeeded);

        var result = await CreateUser.RunAsync(archive.Db, archive.Clock, lookalike, "other@example.org", "long enough 1", isAdmin: false);

        Assert.False(result.Succeeded);
        Assert.Contains("alice", result.Errors["UserName"], StringComparison.Ordinal);
        await using var check = archive.NewContext();
        Assert.Equal(1, await check.Users.CountAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Names_stored_before_skeletons_and_other_users_pseuds_are_checked_too(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        // Stored without going through CreateUser, as accounts made before this rule were.
        var alice = await archive.CreateUserAsync("alice");
        archive.Db.Pseuds.Add(new Pseud { UserId = alice.Id, Name = "Moonlight", NormalizedName = "MOONLIGHT" });
        await archive.Db.SaveChangesAsync();

        var sameName = await CreateUser.RunAsync(archive.Db, archive.Clock, "\u0430lice", "a@example.org", "long enough 1", isAdmin: false);
        var samePseud = await CreateUser.RunAsync(archive.Db, archive.Clock, "M\u043Eonlight", "m@example.org", "long enough 1", isAdmin: false);
        var different = await CreateUser.RunAsync(archive.Db, archive.Clock, "alicia", "b@example.org", "long enough 1", isAdmin: false);

        Assert.False(sameName.Succeeded);
        Assert.False(samePseud.Succeeded);
        Assert.Contains("looks too much like", samePseud.Errors["UserName"], StringComparison.Ordinal);
        Assert.True(different.Succeeded);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_pseud_may_look_like_its_own_user_but_not_like_another(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var alice = (await CreateUser.RunAsync(archive.Db, archive.Clock, "alice", "alice@example.org", "long enough 1", isAdmin: false)).User!;
        var bob = (await CreateUser.RunAsync(archive.Db, archive.Clock, "bob", "bob@example.org", "long enough 1", isAdmin: false)).User!;

        var own = await CreatePseud.RunAsync(archive.Db, alice.Id, "Alic\u0435", null);
        var others = await CreatePseud.RunAsync(archive.Db, bob.Id, "\uFF41lice", null);

        Assert.Null(own);
        Assert.Contains("alice", others, StringComparison.Ordinal);
        await using var check = archive.NewContext();
        Assert.Equal(1, await check.Pseuds.CountAsync(p => p.UserId == bob.Id));
        Assert.Equal(2, await check.Pseuds.CountAsync(p => p.UserId == alice.Id));
    }

    [Fact]
    public void Skeletons_follow_uts_39_after_nfkc()
    {
        Assert.Equal(ConfusableNames.Skeleton("alice"), ConfusableNames.Skeleton("\u0430lic\u0435"));
        Assert.Equal(ConfusableNames.Skeleton("alice"), ConfusableNames.Skeleton("\uFF41\uFF4C\uFF49\uFF43\uFF45"));
        // UTS #39 maps "m" to "rn", and digits that look like letters to the letters.
        Assert.Equal(ConfusableNames.Skeleton("rnoon"), ConfusableNames.Skeleton("moon"));
        Assert.Equal(ConfusableNames.Skeleton("b0b"), ConfusableNames.Skeleton("bob"));
        Assert.NotEqual(ConfusableNames.Skeleton("alice"), ConfusableNames.Skeleton("alicia"));
        Assert.NotEqual(ConfusableNames.Skeleton("kiri"), ConfusableNames.Skeleton("kira"));
    }
}
