using Makimono.Accounts;
using Makimono.Hosting;
using Makimono.Tests.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Accounts;

[Collection(DatabaseCollection.Name)]
public sealed class CreateUserTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Creates_the_user_with_a_default_pseud(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);

        var result = await CreateUser.RunAsync(archive.Db, archive.Clock, " Kiri ", "kiri@example.org", "long enough", isAdmin: false);

        Assert.True(result.Succeeded);
        await using var check = archive.NewContext();
        var user = await check.Users.Include(u => u.Pseuds).SingleAsync();
        Assert.Equal("Kiri", user.UserName);
        Assert.Equal("KIRI", user.NormalizedUserName);
        Assert.Equal(TestArchive.Start.UtcDateTime, user.CreatedAt);
        Assert.True(Passwords.Verify(user, "long enough"));
        Assert.False(Passwords.Verify(user, "long enougH"));
        var pseud = Assert.Single(user.Pseuds);
        Assert.True(pseud.IsDefault);
        Assert.Equal("Kiri", pseud.Name);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Refuses_a_user_name_taken_in_another_case(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        Assert.True((await CreateUser.RunAsync(archive.Db, archive.Clock, "Kiri", "kiri@example.org", "long enough", isAdmin: false)).Succeeded);

        var result = await CreateUser.RunAsync(archive.Db, archive.Clock, "kIRI", "other@example.org", "long enough", isAdmin: false);

        Assert.False(result.Succeeded);
        Assert.Equal("The user name \"kIRI\" is taken. Try another.", result.Errors["UserName"]);
        await using var check = archive.NewContext();
        Assert.Equal(1, await check.Users.CountAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Refuses_a_short_password(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);

        var result = await CreateUser.RunAsync(archive.Db, archive.Clock, "Kiri", "kiri@example.org", "1234567", isAdmin: false);

        Assert.False(result.Succeeded);
        Assert.Equal("Passwords are at least 8 characters long.", Assert.Single(result.Errors).Value);
        await using var check = archive.NewContext();
        Assert.False(await check.Users.AnyAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reports_every_bad_field_at_once(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);

        var result = await CreateUser.RunAsync(archive.Db, archive.Clock, "no spaces", "nowhere", "short", isAdmin: false);

        Assert.Equal(["Email", "Password", "UserName"], result.Errors.Keys.Order());
        Assert.Contains("only letters, digits", result.Errors["UserName"], StringComparison.Ordinal);
    }
}
