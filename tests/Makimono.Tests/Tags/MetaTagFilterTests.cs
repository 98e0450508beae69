using Makimono.Hosting;
using Makimono.Tags;
using Makimono.Tags.Wrangling;
using Makimono.Tests.Database;
using Makimono.Tests.Works;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Tags;

[Collection(DatabaseCollection.Name)]
public sealed class MetaTagFilterTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Meta_links_that_would_make_a_cycle_are_refused_naming_the_tags(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var admin = (await archive.CreateUserAsync("Admin", isAdmin: true)).AsViewer();
        var top = await archive.TagAsync("Alternate Universe", TagType.Freeform);
        var middle = await archive.TagAsync("Alternate Universe - Modern Setting", TagType.Freeform);
        var bottom = await archive.TagAsync("Alternate Universe - Coffee Shop", TagType.Freeform);
        (await MetaTags.AddAsync(archive.Db, archive.Clock, admin, middle.Id, top.Id)).Ok();
        (await MetaTags.AddAsync(archive.Db, archive.Clock, admin, bottom.Id, middle.Id)).Ok();

        var error = (await MetaTags.AddAsync(archive.Db, archive.Clock, admin, top.Id, bottom.Id)).Refused();

        Assert.Contains("cycle", error);
        Assert.Contains("\"Alternate Universe - Coffee Shop\" → \"Alternate Universe - Modern Setting\" → \"Alternate Universe\"", error);
        Assert.Contains("own meta tag", (await MetaTags.AddAsync(archive.Db, archive.Clock, admin, top.Id, top.Id)).Refused());
        var fandom = await archive.TagAsync("Naruto", TagType.Fandom);
        Assert.Contains("same type", (await MetaTags.AddAsync(archive.Db, archive.Clock, admin, top.Id, fandom.Id)).Refused());
        await using var db = archive.NewContext();
        Assert.Equal(2, await db.MetaTagLinks.CountAsync());
    }

    /// <summary>
    /// The chain: "AU" ← "AU - Modern" ← "AU - Coffee Shop" ← synonym "coffee shop au", so a work tagged with
    /// the synonym sits three meta steps below the top.
    /// </summary>
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Filter_sets_follow_merges_renames_and_meta_changes_down_a_chain_of_depth_three(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var adminUser = await archive.CreateUserAsync("Admin", isAdmin: true);
        var admin = adminUser.AsViewer();
        var top = await archive.TagAsync("AU", TagType.Freeform);
        var middle = await archive.TagAsync("AU - Modern", TagType.Freeform);
        var sub = await archive.TagAsync("AU - Coffee Shop", TagType.Freeform);
        var early = await archive.WorkTaggedAsync(adminUser, "coffee shop au");
        var direct = await archive.WorkTaggedAsync(adminUser, "AU - Coffee Shop");
        await archive.WorkTaggedAsync(adminUser, "AU - Modern");
        var synonym = await archive.FindTagAsync("coffee shop au");

        (await MetaTags.AddAsync(archive.Db, archive.Clock, admin, middle.Id, top.Id)).Ok();
        var lowerLink = (await MetaTags.AddAsync(archive.Db, archive.Clock, admin, sub.Id, middle.Id)).Ok();
        var merge = (await MergeTag.RunAsync(archive.Db, archive.Clock, admin, synonym.Id, sub.Id)).Ok();
        var late = await archive.WorkTaggedAsync(adminUser, "Coffee Shop AU");

        Assert.Equal(["AU", "AU - Coffee Shop", "AU - Modern", "Original Work"], await archive.FilterNamesAsync(early.Id));
        Assert.Equal(["AU - Coffee Shop", "AU - Modern", "Coffee Shop AU", "coffee shop au"], await archive.TitlesTaggedWithAsync(top.Id));
        Assert.Equal(["AU - Coffee Shop", "Coffee Shop AU", "coffee shop au"], await archive.TitlesTaggedWithAsync(sub.Id));
        Assert.Equal(await archive.FilterNamesAsync(early.Id), await archive.FilterNamesAsync(late.Id));

        (await RenameTag.RunAsync(archive.Db, archive.Clock, admin, middle.Id, "Alternate Universe - Modern Setting")).Ok();
        Assert.Equal(["AU", "AU - Coffee Shop", "Alternate Universe - Modern Setting", "Original Work"], await archive.FilterNamesAsync(early.Id));

        // Cutting the chain in the middle takes the lower works out of the top tag only.
        (await UndoWrangling.RunAsync(archive.Db, archive.Clock, admin, lowerLink)).Ok();
        Assert.Equal(["AU - Modern"], await archive.TitlesTaggedWithAsync(top.Id));
        Assert.Equal(["AU - Coffee Shop", "Original Work"], await archive.FilterNamesAsync(early.Id));
        (await MetaTags.AddAsync(archive.Db, archive.Clock, admin, sub.Id, middle.Id)).Ok();
        Assert.Equal(4, (await archive.TitlesTaggedWithAsync(top.Id)).Count);

        // Undoing the merge leaves the synonym's works under the synonym alone.
        (await UndoWrangling.RunAsync(archive.Db, archive.Clock, admin, merge)).Ok();
        Assert.Equal(["AU - Coffee Shop", "AU - Modern"], await archive.TitlesTaggedWithAsync(top.Id));
        Assert.Equal(["Original Work", "coffee shop au"], await archive.FilterNamesAsync(early.Id));
        Assert.Equal(["AU", "AU - Coffee Shop", "Alternate Universe - Modern Setting", "Original Work"], await archive.FilterNamesAsync(direct.Id));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Editing_a_work_recomputes_its_filters(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var adminUser = await archive.CreateUserAsync("Admin", isAdmin: true);
        var top = await archive.TagAsync("Angst", TagType.Freeform);
        var sub = await archive.TagAsync("Hurt No Comfort", TagType.Freeform);
        (await MetaTags.AddAsync(archive.Db, archive.Clock, adminUser.AsViewer(), sub.Id, top.Id)).Ok();
        var work = await archive.WorkTaggedAsync(adminUser, "Hurt No Comfort");

        await using (var db = archive.NewContext())
        {
            var editable = (await WorkQueries.FindEditableAsync(db, work.Id, adminUser.AsViewer()))!;
            var form = Forms.Work(editable.Title);
            form.Freeforms = "Fluff";
            Assert.False((await SaveWork.UpdateAsync(db, archive.Clock, adminUser.AsViewer(), editable, form, acceptRemovals: false)).Any);
        }

        Assert.Equal(["Fluff", "Original Work"], await archive.FilterNamesAsync(work.Id));
        Assert.Empty(await archive.TitlesTaggedWithAsync(top.Id));
    }
}
