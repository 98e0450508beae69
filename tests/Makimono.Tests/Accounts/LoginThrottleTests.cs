using Makimono.Accounts;
using Makimono.Hosting;
using Makimono.Tests.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Accounts;

/// <summary>The per-account login throttle's counting, on the database every web node shares.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class LoginThrottleTests(TestDatabases databases)
{
    private const int Limit = 3;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Failures_count_per_name_in_a_sliding_window_and_a_success_forgets_only_its_own(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        Task<DateTime?> RefusedUntil(string name) => LoginThrottle.RefusedUntilAsync(archive.Db, archive.Clock, name, Limit, Window);

        var first = archive.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < Limit; i++)
        {
            Assert.Null(await RefusedUntil("Target"));
            await LoginThrottle.RecordFailureAsync(archive.Db, archive.Clock, i % 2 == 0 ? "Target" : " TARGET ", Window);
            archive.Clock.Advance(TimeSpan.FromMinutes(1));
            await LoginThrottle.RecordFailureAsync(archive.Db, archive.Clock, "Other", Window);
        }
        // Spelled either way, the name is paused until its oldest counted failure leaves the window.
        Assert.Equal(first + Window, await RefusedUntil("target"));

        // A success for another name does not touch this one's count; its own success clears only its own.
        await LoginThrottle.ForgetFailuresAsync(archive.Db, "Other");
        Assert.Equal(first + Window, await RefusedUntil("Target"));
        Assert.Null(await RefusedUntil("Other"));

        // The window slides: once the first failure is older than it, one fewer counts.
        archive.Clock.Advance(Window - TimeSpan.FromMinutes(Limit) + TimeSpan.FromSeconds(1));
        Assert.Null(await RefusedUntil("Target"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Old_failures_are_pruned_and_an_overlong_name_is_still_counted(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var overlong = new string('n', 300);
        for (var i = 0; i < Limit; i++)
        {
            await LoginThrottle.RecordFailureAsync(archive.Db, archive.Clock, overlong, Window);
        }
        Assert.NotNull(await LoginThrottle.RefusedUntilAsync(archive.Db, archive.Clock, overlong, Limit, Window));

        archive.Clock.Advance(Window + TimeSpan.FromSeconds(1));
        await LoginThrottle.RecordFailureAsync(archive.Db, archive.Clock, "someoneelse", Window);

        await using var check = archive.NewContext();
        Assert.Equal(["SOMEONEELSE"], await check.LoginFailures.Select(f => f.NormalizedUserName).ToListAsync());
    }
}
