using Makimono.Accounts;
using Makimono.Hosting;
using Makimono.Tags;
using Makimono.Tags.Wrangling;
using Makimono.Tests.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Tags;

[Collection(DatabaseCollection.Name)]
public sealed class FandomIndexTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Counts_only_the_works_the_viewer_may_see_and_lists_fandoms_by_medium(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var admin = await archive.CreateUserAsync("Admin", isAdmin: true);
        var author = await archive.CreateUserAsync("Author");
        var reader = await archive.CreateUserAsync("Reader");
        var naruto = await archive.TagAsync("Naruto", TagType.Fandom);
        var bleach = await archive.TagAsync("Bleach", TagType.Fandom);
        await archive.TagAsync("Akira", TagType.Fandom);
        var kakashi = await archive.TagAsync("Hatake Kakashi", TagType.Character);
        (await ParentTags.AddAsync(archive.Db, archive.Clock, admin.AsViewer(), kakashi.Id, naruto.Id)).Ok();
        (await SetFandomMedia.RunAsync(archive.Db, archive.Clock, admin.AsViewer(), naruto.Id, Media.AnimeManga)).Ok();
        (await SetFandomMedia.RunAsync(archive.Db, archive.Clock, admin.AsViewer(), bleach.Id, Media.AnimeManga)).Ok();
        await archive.SaveWorkAsync(author, f => { f.Title = "Public"; f.Fandoms = "Naruto"; f.Characters = "Hatake Kakashi"; });
        await archive.SaveWorkAsync(author, f => { f.Title = "Draft"; f.Fandoms = "Naruto"; f.Characters = "Hatake Kakashi"; }, post: false);
        await archive.SaveWorkAsync(author, f => { f.Title = "Locked"; f.Fandoms = "Naruto"; f.Characters = "Hatake Kakashi"; f.IsRestricted = true; });

        await using var db = archive.NewContext();
        var media = await FandomIndex.MediaAsync(db);
        Assert.Equal(11, media.Count);
        Assert.Equal(2, media.Single(m => m.Media == Media.AnimeManga).Fandoms);
        Assert.Equal(("Uncategorized Fandoms", "uncategorized", 1), (media[^1].Name, media[^1].Slug, media[^1].Fandoms));

        Assert.Equal([new TagWorkCount("Bleach", 0), new TagWorkCount("Naruto", 1)], await FandomIndex.FandomsAsync(db, Viewer.Guest, Media.AnimeManga));
        Assert.Equal(2, (await FandomIndex.FandomsAsync(db, reader.AsViewer(), Media.AnimeManga))[1].Works);
        Assert.Equal(3, (await FandomIndex.FandomsAsync(db, author.AsViewer(), Media.AnimeManga))[1].Works);
        Assert.Equal([new TagWorkCount("Akira", 0)], await FandomIndex.FandomsAsync(db, Viewer.Guest, null));
        Assert.Equal([new TagWorkCount("Hatake Kakashi", 1)], await FandomIndex.ChildrenAsync(db, Viewer.Guest, naruto.Id, TagType.Character));
        Assert.Empty(await FandomIndex.ChildrenAsync(db, Viewer.Guest, naruto.Id, TagType.Relationship));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Setting_a_medium_is_logged_undoable_and_only_for_canonical_fandoms(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var admin = (await archive.CreateUserAsync("Admin", isAdmin: true)).AsViewer();
        var fandom = await archive.TagAsync("Hamilton", TagType.Fandom);
        var character = await archive.TagAsync("Eliza", TagType.Character);

        var entry = (await SetFandomMedia.RunAsync(archive.Db, archive.Clock, admin, fandom.Id, Media.Theater)).Ok();
        Assert.Equal(Media.Theater, (await archive.FindTagAsync("Hamilton")).Media);
        Assert.Contains("already listed under Theater", (await SetFandomMedia.RunAsync(archive.Db, archive.Clock, admin, fandom.Id, Media.Theater)).Refused());
        Assert.Contains("not a canonical fandom", (await SetFandomMedia.RunAsync(archive.Db, archive.Clock, admin, character.Id, Media.Theater)).Refused());

        (await UndoWrangling.RunAsync(archive.Db, archive.Clock, admin, entry)).Ok();
        Assert.Null((await archive.FindTagAsync("Hamilton")).Media);
        await using var db = archive.NewContext();
        Assert.Equal([WranglingAction.SetMedia, WranglingAction.Undo], await db.WranglingLog.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }
}
