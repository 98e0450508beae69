using Makimono.Hosting;
using Makimono.Tags;
using Makimono.Tags.Wrangling;
using Makimono.Tests.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Tags;

[Collection(DatabaseCollection.Name)]
public sealed class WranglingOperationTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Make_canonical_and_undo(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var admin = (await archive.CreateUserAsync("Admin", isAdmin: true)).AsViewer();
        var tag = await archive.TagAsync("Slow Burn", TagType.Freeform, canonical: false);

        var entry = (await MakeCanonical.RunAsync(archive.Db, archive.Clock, admin, tag.Id)).Ok();
        Assert.True((await archive.FindTagAsync("Slow Burn")).IsCanonical);
        Assert.Contains("already canonical", (await MakeCanonical.RunAsync(archive.Db, archive.Clock, admin, tag.Id)).Refused());

        (await UndoWrangling.RunAsync(archive.Db, archive.Clock, admin, entry)).Ok();
        Assert.False((await archive.FindTagAsync("Slow Burn")).IsCanonical);
        Assert.Contains("already been undone", (await UndoWrangling.RunAsync(archive.Db, archive.Clock, admin, entry)).Refused());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Merge_makes_a_synonym_whose_works_the_canonical_lists_and_undo_splits_them_again(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var adminUser = await archive.CreateUserAsync("Admin", isAdmin: true);
        var admin = adminUser.AsViewer();
        var canonical = await archive.TagAsync("Hatake Kakashi", TagType.Character);
        var work = await archive.SaveWorkAsync(adminUser, f => { f.Title = "Kakashi fic"; f.Characters = "Kakashi"; });
        var synonym = await archive.FindTagAsync("Kakashi");

        var entry = (await MergeTag.RunAsync(archive.Db, archive.Clock, admin, synonym.Id, canonical.Id)).Ok();

        Assert.Equal(canonical.Id, (await archive.FindTagAsync("Kakashi")).MergerId);
        Assert.Equal(["Kakashi fic"], await archive.TitlesTaggedWithAsync(canonical.Id));
        Assert.Contains("Hatake Kakashi", await archive.FilterNamesAsync(work.Id));
        await using (var db = archive.NewContext())
        {
            Assert.True(await db.WorkTags.AnyAsync(wt => wt.WorkId == work.Id && wt.TagId == synonym.Id), "the work keeps the tag its author wrote");
        }

        (await UndoWrangling.RunAsync(archive.Db, archive.Clock, admin, entry)).Ok();
        Assert.Null((await archive.FindTagAsync("Kakashi")).MergerId);
        Assert.Empty(await archive.TitlesTaggedWithAsync(canonical.Id));
        Assert.Equal(["Kakashi fic"], await archive.TitlesTaggedWithAsync(synonym.Id));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Merge_refuses_other_types_non_canonical_targets_and_canonical_sources(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var admin = (await archive.CreateUserAsync("Admin", isAdmin: true)).AsViewer();
        var character = await archive.TagAsync("Sakura", TagType.Character);
        var fandom = await archive.TagAsync("Naruto", TagType.Fandom);
        var loose = await archive.TagAsync("sakura chan", TagType.Character, canonical: false);
        var other = await archive.TagAsync("Haruno Sakura", TagType.Character);

        Assert.Contains("same type", (await MergeTag.RunAsync(archive.Db, archive.Clock, admin, fandom.Id, character.Id)).Refused());
        Assert.Contains("not canonical", (await MergeTag.RunAsync(archive.Db, archive.Clock, admin, character.Id, loose.Id)).Refused());
        Assert.Contains("is canonical", (await MergeTag.RunAsync(archive.Db, archive.Clock, admin, other.Id, character.Id)).Refused());
        Assert.Contains("fixed tags", (await MergeTag.RunAsync(archive.Db, archive.Clock, admin, FixedTags.NotRatedId, character.Id)).Refused());
        await using var db = archive.NewContext();
        Assert.Empty(await db.WranglingLog.ToListAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Rename_keeps_names_unique_when_normalised_and_undo_restores_the_old_name(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var adminUser = await archive.CreateUserAsync("Admin", isAdmin: true);
        var admin = adminUser.AsViewer();
        var tag = await archive.TagAsync("Fluff", TagType.Freeform);
        await archive.TagAsync("Angst", TagType.Freeform);
        await archive.WorkTaggedAsync(adminUser, "Fluff");

        Assert.Contains("\"Angst\"", (await RenameTag.RunAsync(archive.Db, archive.Clock, admin, tag.Id, "ÁNGST")).Refused());
        Assert.Contains("'%'", (await RenameTag.RunAsync(archive.Db, archive.Clock, admin, tag.Id, "100% Fluff")).Refused());
        var entry = (await RenameTag.RunAsync(archive.Db, archive.Clock, admin, tag.Id, "Fluff and Only Fluff")).Ok();

        var renamed = await archive.FindTagAsync("Fluff and Only Fluff");
        Assert.Equal(TagName.Normalize("Fluff and Only Fluff"), renamed.NormalizedName);
        Assert.Equal(["Fluff"], await archive.TitlesTaggedWithAsync(tag.Id));

        (await UndoWrangling.RunAsync(archive.Db, archive.Clock, admin, entry)).Ok();
        Assert.Equal("fluff", (await archive.FindTagAsync("Fluff")).NormalizedName);
        await using var db = archive.NewContext();
        var undo = await db.WranglingLog.SingleAsync(e => e.UndoesEntryId == entry);
        Assert.Equal(("Fluff and Only Fluff", WranglingAction.Undo), (undo.OldName, undo.Action));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Parent_links_join_fandoms_characters_and_relationships_and_undo_in_both_directions(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var admin = (await archive.CreateUserAsync("Admin", isAdmin: true)).AsViewer();
        var fandom = await archive.TagAsync("Naruto", TagType.Fandom);
        var character = await archive.TagAsync("Hatake Kakashi", TagType.Character);
        var relationship = await archive.TagAsync("Hatake Kakashi/Umino Iruka", TagType.Relationship);
        var other = await archive.TagAsync("Naruto Fandom Alt", TagType.Fandom);

        var added = (await ParentTags.AddAsync(archive.Db, archive.Clock, admin, character.Id, fandom.Id)).Ok();
        (await ParentTags.AddAsync(archive.Db, archive.Clock, admin, relationship.Id, character.Id)).Ok();
        Assert.Contains("already a parent", (await ParentTags.AddAsync(archive.Db, archive.Clock, admin, character.Id, fandom.Id)).Refused());
        Assert.Contains("cannot be a parent", (await ParentTags.AddAsync(archive.Db, archive.Clock, admin, other.Id, fandom.Id)).Refused());
        var removed = (await ParentTags.RemoveAsync(archive.Db, archive.Clock, admin, relationship.Id, character.Id)).Ok();
        await using (var db = archive.NewContext())
        {
            Assert.Equal([(fandom.Id, character.Id)], (await db.TagParents.ToListAsync()).Select(l => (l.ParentId, l.ChildId)));
        }

        (await UndoWrangling.RunAsync(archive.Db, archive.Clock, admin, added)).Ok();
        (await UndoWrangling.RunAsync(archive.Db, archive.Clock, admin, removed)).Ok();
        await using (var db = archive.NewContext())
        {
            Assert.Equal([(character.Id, relationship.Id)], (await db.TagParents.ToListAsync()).Select(l => (l.ParentId, l.ChildId)));
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Mark_unwrangleable_and_undo(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var admin = (await archive.CreateUserAsync("Admin", isAdmin: true)).AsViewer();
        var tag = await archive.TagAsync("i don't know how to tag", TagType.Freeform, canonical: false);
        var canonical = await archive.TagAsync("Humor", TagType.Freeform);

        var entry = (await MarkUnwrangleable.RunAsync(archive.Db, archive.Clock, admin, tag.Id)).Ok();
        Assert.True((await archive.FindTagAsync(tag.Name)).IsUnwrangleable);
        Assert.Contains("already wrangled", (await MarkUnwrangleable.RunAsync(archive.Db, archive.Clock, admin, canonical.Id)).Refused());

        (await UndoWrangling.RunAsync(archive.Db, archive.Clock, admin, entry)).Ok();
        Assert.False((await archive.FindTagAsync(tag.Name)).IsUnwrangleable);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_log_records_who_what_and_when_and_an_undo_cannot_be_undone(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var adminUser = await archive.CreateUserAsync("Admin", isAdmin: true);
        var admin = adminUser.AsViewer();
        var tag = await archive.TagAsync("Hurt/Comfort", TagType.Freeform, canonical: false);

        var entry = (await MakeCanonical.RunAsync(archive.Db, archive.Clock, admin, tag.Id)).Ok();
        archive.Clock.Advance(TimeSpan.FromHours(1));
        var undo = (await UndoWrangling.RunAsync(archive.Db, archive.Clock, admin, entry)).Ok();

        Assert.Contains("cannot itself be undone", (await UndoWrangling.RunAsync(archive.Db, archive.Clock, admin, undo)).Refused());
        await using var db = archive.NewContext();
        var log = await db.WranglingLog.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(
            [(adminUser.Id, WranglingAction.MakeCanonical, tag.Id, TestArchive.Start.UtcDateTime, (int?)undo),
             (adminUser.Id, WranglingAction.Undo, tag.Id, TestArchive.Start.UtcDateTime.AddHours(1), null)],
            log.Select(e => (e.UserId, e.Action, e.TagId, e.At, e.UndoneByEntryId)));
    }
}
