using Makimono.Hosting;
using Makimono.Responses.Blocking;
using Makimono.Tests.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Responses;

[Collection(DatabaseCollection.Name)]
public sealed class BlockingTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Blocking_oneself_is_refused_and_blocking_twice_keeps_one_block(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var user = await archive.CreateUserAsync("Blocker");
        var other = await archive.CreateUserAsync("Other");

        Assert.Equal(BlockResult.Self, await BlockUser.BlockAsync(archive.Db, archive.Clock, user.Id, user.Id));
        Assert.Equal(BlockResult.Blocked, await BlockUser.BlockAsync(archive.Db, archive.Clock, user.Id, other.Id));
        Assert.Equal(BlockResult.AlreadyBlocked, await BlockUser.BlockAsync(archive.Db, archive.Clock, user.Id, other.Id));
        await using var db = archive.NewContext();
        Assert.Equal([(other.Id)], await db.UserBlocks.Where(b => b.BlockerId == user.Id).Select(b => b.BlockedId).ToListAsync());
        // The database refuses a self-block too, whatever code writes it.
        db.UserBlocks.Add(new UserBlock { BlockerId = user.Id, BlockedId = user.Id });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_user_blocks_at_most_the_limit(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var blocker = await archive.CreateUserAsync("Blocker");
        var last = await archive.CreateUserAsync("Onetoomany");
        // The limit's worth of users, stored in one go: the check counts rows, whoever wrote them.
        var names = Enumerable.Range(0, Limits.BlocksMax).Select(i => $"blocked{i}").ToList();
        archive.Db.Users.AddRange(names.Select(n => new Makimono.Accounts.User
        {
            UserName = n, NormalizedUserName = n.ToUpperInvariant(), Email = $"{n}@example.org", PasswordHash = "x",
        }));
        await archive.Db.SaveChangesAsync();
        var ids = await archive.Db.Users.Where(u => names.Contains(u.UserName)).Select(u => u.Id).ToListAsync();
        archive.Db.UserBlocks.AddRange(ids.Select(id => new UserBlock { BlockerId = blocker.Id, BlockedId = id }));
        await archive.Db.SaveChangesAsync();
        archive.Db.ChangeTracker.Clear();

        Assert.Equal(BlockResult.LimitReached, await BlockUser.BlockAsync(archive.Db, archive.Clock, blocker.Id, last.Id));
        Assert.True(await BlockUser.UnblockAsync(archive.Db, blocker.Id, ids[0]));
        Assert.Equal(BlockResult.Blocked, await BlockUser.BlockAsync(archive.Db, archive.Clock, blocker.Id, last.Id));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_block_by_any_accepted_creator_counts_and_unblocking_lifts_it(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var coCreator = await archive.CreateUserAsync("Cocreator");
        var invited = await archive.CreateUserAsync("Invited");
        var reader = await archive.CreateUserAsync("Reader");
        var work = await archive.SaveWorkAsync(author, f => f.CoCreators = $"{coCreator.UserName}, {invited.UserName}");
        var pseud = await archive.Db.Pseuds.SingleAsync(p => p.UserId == coCreator.Id);
        Assert.True(await WorkCreators.AnswerInvitationAsync(archive.NewContext(), coCreator.Id, work.Id, pseud.Id, accept: true));

        // An invitation not yet accepted makes nobody an owner.
        await BlockUser.BlockAsync(archive.Db, archive.Clock, invited.Id, reader.Id);
        Assert.False(await Blocks.BlockedFromWorkAsync(archive.NewContext(), work.Id, reader.Id));

        await BlockUser.BlockAsync(archive.Db, archive.Clock, coCreator.Id, reader.Id);
        Assert.True(await Blocks.BlockedFromWorkAsync(archive.NewContext(), work.Id, reader.Id));
        Assert.False(await Blocks.BlockedFromWorkAsync(archive.NewContext(), work.Id, author.Id));
        Assert.True(await Blocks.AnyBlocksAsync(archive.NewContext(), [author.Id, coCreator.Id], reader.Id));
        Assert.False(await Blocks.AnyBlocksAsync(archive.NewContext(), [author.Id], reader.Id));
        Assert.False(await Blocks.AnyBlocksAsync(archive.NewContext(), [], reader.Id));

        Assert.True(await BlockUser.UnblockAsync(archive.Db, coCreator.Id, reader.Id));
        Assert.False(await Blocks.BlockedFromWorkAsync(archive.NewContext(), work.Id, reader.Id));
        Assert.False(await BlockUser.UnblockAsync(archive.Db, coCreator.Id, reader.Id));
    }
}
