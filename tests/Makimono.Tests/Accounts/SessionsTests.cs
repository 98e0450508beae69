using Makimono.Accounts;
using Makimono.Hosting;
using Makimono.Tests.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Accounts;

[Collection(DatabaseCollection.Name)]
public sealed class SessionsTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Last_seen_is_written_at_most_every_few_minutes_and_an_idle_session_lapses(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var user = await archive.CreateUserAsync("reader");
        var key = await Sessions.StartAsync(archive.Db, archive.Clock, user.Id, "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "192.0.2.7");

        archive.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.NotNull(await Sessions.FindAsync(archive.Db, archive.Clock, key));
        Assert.Equal(TestArchive.Start.UtcDateTime, await LastSeenAsync(archive));

        archive.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.NotNull(await Sessions.FindAsync(archive.Db, archive.Clock, key));
        Assert.Equal(archive.Clock.GetUtcNow().UtcDateTime, await LastSeenAsync(archive));

        archive.Clock.Advance(Sessions.Lifetime);
        Assert.Null(await Sessions.FindAsync(archive.Db, archive.Clock, key));
        var stored = await archive.NewContext().UserSessions.SingleAsync();
        Assert.Equal(("Firefox on Linux", "192.0.2.7"), (stored.Device, stored.Address));
        Assert.NotEqual(key, stored.KeyHash);

        // The lapsed row goes when the user logs in again.
        await Sessions.StartAsync(archive.Db, archive.Clock, user.Id, null, null);
        Assert.Equal(1, await archive.NewContext().UserSessions.CountAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Ending_all_but_one_keeps_only_that_one_and_touches_no_one_else(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var user = await archive.CreateUserAsync("writer");
        var other = await archive.CreateUserAsync("neighbour");
        var kept = await Sessions.StartAsync(archive.Db, archive.Clock, user.Id, null, null);
        var ended = await Sessions.StartAsync(archive.Db, archive.Clock, user.Id, null, null);
        var neighbours = await Sessions.StartAsync(archive.Db, archive.Clock, other.Id, null, null);

        await Sessions.EndAllAsync(archive.Db, user.Id, keepKey: kept);

        Assert.NotNull(await Sessions.FindAsync(archive.Db, archive.Clock, kept));
        Assert.Null(await Sessions.FindAsync(archive.Db, archive.Clock, ended));
        Assert.NotNull(await Sessions.FindAsync(archive.Db, archive.Clock, neighbours));
        Assert.False(await Sessions.EndOneAsync(archive.Db, user.Id, (await archive.NewContext().UserSessions.SingleAsync(s => s.UserId == other.Id)).Id));
    }

    private static async Task<DateTime> LastSeenAsync(TestArchive archive)
    {
        await using var check = archive.NewContext();
        return await check.UserSessions.Select(s => s.LastSeenAt).SingleAsync();
    }
}
