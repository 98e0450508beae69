using Makimono.Accounts;
using Makimono.Tags;
using Makimono.Tags.Wrangling;
using Makimono.Tests.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Tags;

/// <summary>Set-up and checks the wrangling tests share.</summary>
internal static class Wrangling
{
    /// <summary>Stores a tag directly, canonical or not, as if wrangled before the test began.</summary>
    public static async Task<Tag> TagAsync(this TestArchive archive, string name, TagType type, bool canonical = true)
    {
        var tag = new Tag
        {
            Name = name,
            NormalizedName = TagName.Normalize(name),
            Type = type,
            IsCanonical = canonical,
            CreatedAt = archive.Clock.GetUtcNow().UtcDateTime,
        };
        archive.Db.Tags.Add(tag);
        await archive.Db.SaveChangesAsync();
        return tag;
    }

    public static async Task<Tag> FindTagAsync(this TestArchive archive, string name)
    {
        await using var db = archive.NewContext();
        return await db.Tags.SingleAsync(t => t.Name == name);
    }

    /// <summary>A work of the fandom "Original Work" with the given additional tags.</summary>
    public static Task<Work> WorkTaggedAsync(this TestArchive archive, User author, string freeforms, string fandoms = "Original Work") =>
        archive.SaveWorkAsync(author, f =>
        {
            f.Title = freeforms;
            f.Freeforms = freeforms;
            f.Fandoms = fandoms;
        });

    /// <summary>The works listed on a tag's page, by title, as a fresh context reads them.</summary>
    public static async Task<List<string>> TitlesTaggedWithAsync(this TestArchive archive, int tagId)
    {
        await using var db = archive.NewContext();
        return await WorkListing.TaggedWith(db, tagId).OrderBy(w => w.Title).Select(w => w.Title).ToListAsync();
    }

    /// <summary>The work's filters among user tags; the fixed ratings, warnings and categories are left out as noise.</summary>
    public static async Task<List<string>> FilterNamesAsync(this TestArchive archive, int workId)
    {
        await using var db = archive.NewContext();
        return await db.WorkFilterTags.Where(f => f.WorkId == workId && f.TagId >= FixedTags.FirstUserTagId).Select(f => f.Tag.Name).OrderBy(n => n).ToListAsync();
    }

    public static int Ok(this WranglingResult result)
    {
        Assert.True(result.Succeeded, result.Error);
        return result.EntryId!.Value;
    }

    public static string Refused(this WranglingResult result)
    {
        Assert.False(result.Succeeded, "the change should have been refused");
        return result.Error!;
    }

    public static Viewer AsViewer(this User user) => TestArchive.ViewerFor(user);
}
