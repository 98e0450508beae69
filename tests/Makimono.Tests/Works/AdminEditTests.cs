using Makimono.Hosting;
using Makimono.Tests.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Works;

[Collection(DatabaseCollection.Name)]
public sealed class AdminEditTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_admins_edit_ignores_creator_fields_even_in_a_forged_form(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("author");
        var invitee = await archive.CreateUserAsync("invitee");
        var admin = await archive.CreateUserAsync("admin", isAdmin: true);
        var saved = await archive.SaveWorkAsync(author, f => f.CoCreators = "invitee");

        await using (var db = archive.NewContext())
        {
            var work = (await WorkQueries.FindEditableAsync(db, saved.Id, TestArchive.ViewerFor(admin)))!;
            var form = Forms.Work("Retitled");
            // What a forged post could say: credit the admin, drop the invitation.
            form.CoCreators = "admin";
            form.PseudId = (await db.Pseuds.SingleAsync(p => p.UserId == admin.Id)).Id;
            Assert.False((await SaveWork.UpdateAsync(db, archive.Clock, TestArchive.ViewerFor(admin), work, form, acceptRemovals: false)).Any);
        }

        await using var check = archive.NewContext();
        var creators = await check.WorkCreators.Where(c => c.WorkId == saved.Id)
            .Select(c => new { c.Pseud.UserId, c.Accepted }).OrderBy(c => c.UserId).ToListAsync();
        Assert.Equal([new { author.Id, Accepted = true }.ToString(), new { invitee.Id, Accepted = false }.ToString()],
            creators.Select(c => new { Id = c.UserId, c.Accepted }.ToString()));
        Assert.Equal("Retitled", (await check.Works.SingleAsync()).Title);
    }
}
