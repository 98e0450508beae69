using System.Data.Common;
using System.Net;
using Makimono.Accounts;
using Makimono.Changes;
using Makimono.Hosting;
using Makimono.Responses.Blocking;
using Makimono.Responses.Kudos;
using Makimono.Tests.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Makimono.Tests.Responses;

[Collection(DatabaseCollection.Name)]
public sealed class KudosTests(TestDatabases databases)
{
    private static readonly IPAddress GuestA = IPAddress.Parse("198.51.100.7");
    private static readonly IPAddress GuestB = IPAddress.Parse("203.0.113.9");

    private static Task<KudosResult> LeaveAsync(TestArchive archive, Work work, User? user, IPAddress? address = null)
    {
        var db = archive.NewContext();
        return LeaveAndDisposeAsync();

        async Task<KudosResult> LeaveAndDisposeAsync()
        {
            await using (db)
            {
                return await LeaveKudos.RunAsync(db, archive.Clock, work.Id, user is null ? Viewer.Guest : TestArchive.ViewerFor(user), address);
            }
        }
    }

    private static async Task<(int Rows, int Count)> KudosOfAsync(TestArchive archive, Work work)
    {
        await using var db = archive.NewContext();
        return (await db.Kudos.CountAsync(k => k.WorkId == work.Id), await db.Works.Where(w => w.Id == work.Id).Select(w => w.KudosCount).SingleAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_user_leaves_kudos_once_and_the_second_time_hears_so(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var reader = await archive.CreateUserAsync("Reader");
        var work = await archive.SaveWorkAsync(author);

        Assert.Equal(KudosResult.Left, await LeaveAsync(archive, work, reader));
        Assert.Equal(KudosResult.AlreadyLeft, await LeaveAsync(archive, work, reader));
        Assert.Equal((1, 1), await KudosOfAsync(archive, work));
        await using var db = archive.NewContext();
        Assert.Equal(("Reader", 0, 0), Parts(await KudosList.ForWorkAsync(db, work.Id)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_guest_address_leaves_kudos_once_a_second_address_may_too_and_the_address_is_not_stored(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var work = await archive.SaveWorkAsync(author);

        Assert.Equal(KudosResult.Left, await LeaveAsync(archive, work, null, GuestA));
        Assert.Equal(KudosResult.AlreadyLeft, await LeaveAsync(archive, work, null, GuestA));
        Assert.Equal(KudosResult.Left, await LeaveAsync(archive, work, null, GuestB));
        Assert.Equal((2, 2), await KudosOfAsync(archive, work));

        await using var db = archive.NewContext();
        var keys = await db.Kudos.Select(k => k.GuestKey!).ToListAsync();
        Assert.All(keys, k => Assert.DoesNotContain("198.51", k, StringComparison.Ordinal));
        Assert.All(keys, k => Assert.Equal(Kudos.GuestKeyLength, k.Length));
        Assert.Equal(("", 0, 2), Parts(await KudosList.ForWorkAsync(db, work.Id)));
    }

    private static (string Names, int More, int Guests) Parts(KudosSummary summary) =>
        (string.Join(", ", summary.UserNames), summary.MoreUsers, summary.Guests);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_list_names_the_newest_users_first_then_how_many_more_and_the_guests(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var work = await archive.SaveWorkAsync(author);
        foreach (var name in new[] { "First", "Second", "Third" })
        {
            archive.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(KudosResult.Left, await LeaveAsync(archive, work, await archive.CreateUserAsync(name)));
        }
        Assert.Equal(KudosResult.Left, await LeaveAsync(archive, work, null, GuestA));

        await using var db = archive.NewContext();
        Assert.Equal(("Third, Second", 1, 1), Parts(await KudosList.ForWorkAsync(db, work.Id, namesShown: 2)));
        Assert.Equal(("Third, Second, First", 0, 1), Parts(await KudosList.ForWorkAsync(db, work.Id)));
        Assert.Equal(["First"], await KudosList.UserNamesAsync(db, work.Id, skip: 2, take: 10));
        Assert.Equal((4, 4), await KudosOfAsync(archive, work));
    }

    [Fact]
    public void One_IPv6_guest_is_one_64_network_and_a_mapped_IPv4_address_is_that_address()
    {
        Assert.Equal(GuestKeys.Normalize(IPAddress.Parse("2001:db8:1:2::1")), GuestKeys.Normalize(IPAddress.Parse("2001:db8:1:2:ffff::9")));
        Assert.NotEqual(GuestKeys.Normalize(IPAddress.Parse("2001:db8:1:2::1")), GuestKeys.Normalize(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal(GuestA, GuestKeys.Normalize(GuestA.MapToIPv6()));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task No_kudos_on_ones_own_work_also_as_co_creator(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var coCreator = await archive.CreateUserAsync("Cocreator");
        var work = await archive.SaveWorkAsync(author, f => f.CoCreators = coCreator.UserName);
        var pseud = await archive.Db.Pseuds.SingleAsync(p => p.UserId == coCreator.Id);
        await using (var answer = archive.NewContext())
        {
            Assert.True(await WorkCreators.AnswerInvitationAsync(answer, coCreator.Id, work.Id, pseud.Id, accept: true));
        }

        Assert.Equal(KudosResult.OwnWork, await LeaveAsync(archive, work, author));
        Assert.Equal(KudosResult.OwnWork, await LeaveAsync(archive, work, coCreator));
        Assert.Equal((0, 0), await KudosOfAsync(archive, work));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Guests_leave_none_on_restricted_works_and_nobody_on_drafts_or_hidden_works(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var reader = await archive.CreateUserAsync("Reader");
        var admin = await archive.CreateUserAsync("Admin", isAdmin: true);
        var restricted = await archive.SaveWorkAsync(author, f => f.IsRestricted = true);
        var draft = await archive.SaveWorkAsync(author, post: false);
        var hidden = await archive.SaveWorkAsync(author);
        await archive.Db.Works.Where(w => w.Id == hidden.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.IsHidden, true));

        Assert.Equal(KudosResult.LogInFirst, await LeaveAsync(archive, restricted, null, GuestA));
        Assert.Equal(KudosResult.Left, await LeaveAsync(archive, restricted, reader));
        Assert.Equal(KudosResult.NotFound, await LeaveAsync(archive, draft, reader));
        Assert.Equal(KudosResult.NotFound, await LeaveAsync(archive, draft, null, GuestA));
        Assert.Equal(KudosResult.NotFound, await LeaveAsync(archive, hidden, reader));
        Assert.Equal(KudosResult.NotFound, await LeaveAsync(archive, hidden, admin));
        Assert.Equal((1, 1), await KudosOfAsync(archive, restricted));
        Assert.Equal((0, 0), await KudosOfAsync(archive, draft));
        Assert.Equal((0, 0), await KudosOfAsync(archive, hidden));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_user_blocked_by_a_creator_leaves_no_kudos_until_unblocked(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var reader = await archive.CreateUserAsync("Reader");
        var work = await archive.SaveWorkAsync(author);
        Assert.Equal(BlockResult.Blocked, await BlockUser.BlockAsync(archive.NewContext(), archive.Clock, author.Id, reader.Id));

        Assert.Equal(KudosResult.Blocked, await LeaveAsync(archive, work, reader));
        Assert.Equal((0, 0), await KudosOfAsync(archive, work));

        Assert.True(await BlockUser.UnblockAsync(archive.NewContext(), author.Id, reader.Id));
        Assert.Equal(KudosResult.Left, await LeaveAsync(archive, work, reader));
        Assert.Equal((1, 1), await KudosOfAsync(archive, work));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Kudos_are_logged_with_their_id_and_their_work(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var reader = await archive.CreateUserAsync("Reader");
        var work = await archive.SaveWorkAsync(author);
        var cursor = new ChangeCursor(archive.Clock);
        await using (var db = archive.NewContext())
        {
            await cursor.StartAtEndAsync(db);
        }

        Assert.Equal(KudosResult.Left, await LeaveAsync(archive, work, reader));
        Assert.Equal(KudosResult.AlreadyLeft, await LeaveAsync(archive, work, reader));

        await using var check = archive.NewContext();
        var kudos = await check.Kudos.SingleAsync();
        var logged = await cursor.ReadAsync(check);
        Assert.Equal([(ChangeSubject.Kudos, kudos.Id)], logged.Where(c => c.Subject is not null).Select(c => (c.Subject!.Value, c.SubjectId!.Value)));
        // The work's row tells listings (the search index) that its kudos count changed.
        Assert.Equal([work.Id], logged.Where(c => c.WorkId is not null).Select(c => c.WorkId!.Value));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Two_racing_kudos_from_one_user_leave_one_row_and_a_count_of_one(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider, sqliteFile: true);
        var author = await archive.CreateUserAsync("Author");
        var reader = await archive.CreateUserAsync("Reader");
        var work = await archive.SaveWorkAsync(author);
        // Both requests find no kudos before either inserts: the unique key alone has to keep it at one.
        var barrier = new ExistenceCheckBarrier(2);
        var contexts = new[] { archive.NewContext(barrier), archive.NewContext(barrier) };

        var results = await Task.WhenAll(contexts.Select(db => Task.Run(() =>
            LeaveKudos.RunAsync(db, archive.Clock, work.Id, TestArchive.ViewerFor(reader), null))));

        Assert.Equal([KudosResult.Left, KudosResult.AlreadyLeft], results.Order());
        Assert.Equal((1, 1), await KudosOfAsync(archive, work));
        Assert.Equal(2, barrier.Passed);
        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }
    }

    /// <summary>Holds each context after its first "is there a kudos already" query until both have asked, or a moment has passed.</summary>
    private sealed class ExistenceCheckBarrier(int participants) : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _allAsked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _asked;

        public int Passed => _asked;

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM \"Kudos\"", StringComparison.Ordinal) && !_allAsked.Task.IsCompleted)
            {
                if (Interlocked.Increment(ref _asked) >= participants)
                {
                    _allAsked.TrySetResult();
                }
                await Task.WhenAny(_allAsked.Task, Task.Delay(TimeSpan.FromSeconds(3), cancellationToken));
            }
            return result;
        }
    }
}
