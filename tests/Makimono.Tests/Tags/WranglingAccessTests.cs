using Makimono.Accounts;
using Makimono.Hosting;
using Makimono.Tags;
using Makimono.Tags.Wrangling;
using Makimono.Tests.Database;

namespace Makimono.Tests.Tags;

[Collection(DatabaseCollection.Name)]
public sealed class WranglingAccessTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Only_admins_and_wranglers_of_one_of_the_tags_fandoms_may_wrangle_it(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var admin = (await archive.CreateUserAsync("Admin", isAdmin: true)).AsViewer();
        var narutoWrangler = await archive.CreateUserAsync("Iruka");
        var bleachWrangler = await archive.CreateUserAsync("Rukia");
        var reader = await archive.CreateUserAsync("Reader");
        var naruto = await archive.TagAsync("Naruto", TagType.Fandom);
        var bleach = await archive.TagAsync("Bleach", TagType.Fandom);
        var kakashi = await archive.TagAsync("Hatake Kakashi", TagType.Character);
        var loose = await archive.TagAsync("Kakashi-sensei", TagType.Character, canonical: false);
        Assert.Null(await WranglerAssignments.AssignAsync(archive.Db, admin, narutoWrangler.Id, naruto.Id));
        Assert.Null(await WranglerAssignments.AssignAsync(archive.Db, admin, bleachWrangler.Id, bleach.Id));
        Assert.Contains("Only admins", await WranglerAssignments.AssignAsync(archive.Db, narutoWrangler.AsViewer(), reader.Id, naruto.Id));
        (await ParentTags.AddAsync(archive.Db, archive.Clock, admin, kakashi.Id, naruto.Id)).Ok();

        Assert.Contains("Log in", (await MergeTag.RunAsync(archive.Db, archive.Clock, Viewer.Guest, loose.Id, kakashi.Id)).Refused());
        var denied = (await MakeCanonical.RunAsync(archive.Db, archive.Clock, bleachWrangler.AsViewer(), kakashi.Id)).Refused();
        Assert.Equal("Only admins and wranglers of \"Naruto\" can wrangle \"Hatake Kakashi\".", denied);
        Assert.Contains("Only admins", (await RenameTag.RunAsync(archive.Db, archive.Clock, reader.AsViewer(), kakashi.Id, "Kakashi Hatake")).Refused());
        (await RenameTag.RunAsync(archive.Db, archive.Clock, narutoWrangler.AsViewer(), kakashi.Id, "Kakashi Hatake")).Ok();

        // A fandom tag is wrangled by admins and by its own wranglers.
        var alt = await archive.TagAsync("NARUTO (Anime)", TagType.Fandom, canonical: false);
        Assert.Contains("Only admins", (await MergeTag.RunAsync(archive.Db, archive.Clock, narutoWrangler.AsViewer(), alt.Id, naruto.Id)).Refused());
        (await MetaTags.AddAsync(archive.Db, archive.Clock, narutoWrangler.AsViewer(), naruto.Id, naruto.Id)).Refused();
        Assert.Contains("Only admins", (await RenameTag.RunAsync(archive.Db, archive.Clock, bleachWrangler.AsViewer(), naruto.Id, "Naruto (Franchise)")).Refused());
        (await RenameTag.RunAsync(archive.Db, archive.Clock, narutoWrangler.AsViewer(), naruto.Id, "Naruto (Franchise)")).Ok();
        (await MergeTag.RunAsync(archive.Db, archive.Clock, admin, alt.Id, naruto.Id)).Ok();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_tag_without_parents_belongs_to_the_fandoms_of_its_works_and_undo_is_authorised_the_same_way(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var adminUser = await archive.CreateUserAsync("Admin", isAdmin: true);
        var wrangler = await archive.CreateUserAsync("Iruka");
        var outsider = await archive.CreateUserAsync("Rukia");
        await archive.WorkTaggedAsync(adminUser, "Chunin Exams", fandoms: "Naruto");
        var naruto = await archive.FindTagAsync("Naruto");
        var tag = await archive.FindTagAsync("Chunin Exams");
        Assert.Null(await WranglerAssignments.AssignAsync(archive.Db, adminUser.AsViewer(), wrangler.Id, naruto.Id));

        var entry = (await MakeCanonical.RunAsync(archive.Db, archive.Clock, wrangler.AsViewer(), tag.Id)).Ok();

        Assert.Contains("\"Naruto\"", (await UndoWrangling.RunAsync(archive.Db, archive.Clock, outsider.AsViewer(), entry)).Refused());
        (await UndoWrangling.RunAsync(archive.Db, archive.Clock, wrangler.AsViewer(), entry)).Ok();
    }
}
