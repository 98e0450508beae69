using Makimono.Accounts;
using Makimono.Database;
using Makimono.Hosting;
using Makimono.Tests.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Works;

/// <summary>The access rules are query filters, so each check runs the query against the database.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class WorkAccessTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Drafts_are_seen_only_by_their_creators(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var (author, other, admin) = await CreatePeopleAsync(archive);
        var draft = await archive.SaveWorkAsync(author, post: false);

        await using var check = archive.NewContext();
        Assert.True(await SeesAsync(check, TestArchive.ViewerFor(author), draft.Id));
        Assert.False(await SeesAsync(check, TestArchive.ViewerFor(other), draft.Id));
        Assert.False(await SeesAsync(check, TestArchive.ViewerFor(admin), draft.Id));
        Assert.False(await SeesAsync(check, Viewer.Guest, draft.Id));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Restricted_works_are_seen_by_logged_in_users_only(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var (author, other, admin) = await CreatePeopleAsync(archive);
        var restricted = await archive.SaveWorkAsync(author, f => f.IsRestricted = true);
        var open = await archive.SaveWorkAsync(author);

        await using var check = archive.NewContext();
        Assert.Equal([open.Id], await VisibleIdsAsync(check, Viewer.Guest));
        Assert.Equal([restricted.Id, open.Id], await VisibleIdsAsync(check, TestArchive.ViewerFor(other)));
        Assert.Equal([restricted.Id, open.Id], await VisibleIdsAsync(check, TestArchive.ViewerFor(admin)));
        Assert.Equal([restricted.Id, open.Id], await VisibleIdsAsync(check, TestArchive.ViewerFor(author)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Hidden_works_are_seen_by_their_creators_and_admins_only(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var (author, other, admin) = await CreatePeopleAsync(archive);
        var hidden = await archive.SaveWorkAsync(author);
        hidden.IsHidden = true;
        await archive.Db.SaveChangesAsync();

        await using var check = archive.NewContext();
        Assert.True(await SeesAsync(check, TestArchive.ViewerFor(author), hidden.Id));
        Assert.True(await SeesAsync(check, TestArchive.ViewerFor(admin), hidden.Id));
        Assert.False(await SeesAsync(check, TestArchive.ViewerFor(other), hidden.Id));
        Assert.False(await SeesAsync(check, Viewer.Guest, hidden.Id));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Works_are_editable_by_their_creators_and_admins_only(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var (author, other, admin) = await CreatePeopleAsync(archive);
        var work = await archive.SaveWorkAsync(author);
        var draft = await archive.SaveWorkAsync(author, post: false);

        await using var check = archive.NewContext();
        Assert.Equal([work.Id, draft.Id], await EditableIdsAsync(check, TestArchive.ViewerFor(author)));
        // Admins moderate what is posted; a draft is still private to its creators.
        Assert.Equal([work.Id], await EditableIdsAsync(check, TestArchive.ViewerFor(admin)));
        Assert.Empty(await EditableIdsAsync(check, TestArchive.ViewerFor(other)));
        Assert.Empty(await EditableIdsAsync(check, Viewer.Guest));
        Assert.NotNull(await WorkQueries.FindEditableAsync(check, work.Id, TestArchive.ViewerFor(admin)));
        Assert.Null(await WorkQueries.FindEditableAsync(check, work.Id, TestArchive.ViewerFor(other)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Co_creators_get_access_once_they_accept(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var (author, invitee, _) = await CreatePeopleAsync(archive);
        var draft = await archive.SaveWorkAsync(author, f => f.CoCreators = invitee.UserName, post: false);
        var inviteePseud = await archive.Db.Pseuds.SingleAsync(p => p.UserId == invitee.Id);
        var asInvitee = TestArchive.ViewerFor(invitee);

        await using (var before = archive.NewContext())
        {
            var pending = Assert.Single(await before.WorkCreators.Where(c => c.WorkId == draft.Id && !c.Accepted).ToListAsync());
            Assert.Equal(inviteePseud.Id, pending.PseudId);
            Assert.False(await SeesAsync(before, asInvitee, draft.Id));
            Assert.Empty(await EditableIdsAsync(before, asInvitee));
        }

        await using (var answer = archive.NewContext())
        {
            Assert.True(await WorkCreators.AnswerInvitationAsync(answer, invitee.Id, draft.Id, inviteePseud.Id, accept: true));
        }

        await using var after = archive.NewContext();
        Assert.True(await SeesAsync(after, asInvitee, draft.Id));
        Assert.Equal([draft.Id], await EditableIdsAsync(after, asInvitee));
        Assert.False(await WorkCreators.AnswerInvitationAsync(after, invitee.Id, draft.Id, inviteePseud.Id, accept: true));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Declining_removes_the_invitation(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var (author, invitee, _) = await CreatePeopleAsync(archive);
        var work = await archive.SaveWorkAsync(author, f => f.CoCreators = invitee.UserName.ToUpperInvariant());
        var inviteePseud = await archive.Db.Pseuds.SingleAsync(p => p.UserId == invitee.Id);

        await using (var answer = archive.NewContext())
        {
            Assert.False(await WorkCreators.AnswerInvitationAsync(answer, author.Id, work.Id, inviteePseud.Id, accept: true));
            Assert.True(await WorkCreators.AnswerInvitationAsync(answer, invitee.Id, work.Id, inviteePseud.Id, accept: false));
        }

        await using var check = archive.NewContext();
        Assert.Equal(author.Id, (await check.WorkCreators.Include(c => c.Pseud).SingleAsync()).Pseud.UserId);
    }

    private static async Task<(User Author, User Other, User Admin)> CreatePeopleAsync(TestArchive archive) =>
        (await archive.CreateUserAsync("Kiri"), await archive.CreateUserAsync("Hana"), await archive.CreateUserAsync("Boss", isAdmin: true));

    private static Task<bool> SeesAsync(ArchiveDbContext db, Viewer viewer, int workId) =>
        db.Works.VisibleTo(viewer).AnyAsync(w => w.Id == workId);

    private static Task<List<int>> VisibleIdsAsync(ArchiveDbContext db, Viewer viewer) =>
        db.Works.VisibleTo(viewer).OrderBy(w => w.Id).Select(w => w.Id).ToListAsync();

    private static Task<List<int>> EditableIdsAsync(ArchiveDbContext db, Viewer viewer) =>
        db.Works.EditableBy(viewer).OrderBy(w => w.Id).Select(w => w.Id).ToListAsync();
}
