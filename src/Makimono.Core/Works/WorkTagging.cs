using Makimono.Database;
using Makimono.Tags;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Works;

/// <summary>Turns the tag fields of a form into tags, creating the ones the archive has not seen yet.</summary>
internal static class WorkTagging
{
    public static async Task<List<Tag>> ResolveAsync(ArchiveDbContext db, WorkForm form, FormErrors errors, DateTime now, CancellationToken ct)
    {
        var tags = new List<Tag>();
        tags.AddRange(await ResolveFixedAsync(db, form, errors, ct));

        var typed = new (string Field, IReadOnlyList<string> Names, TagType Type)[]
        {
            ("Work.Fandoms", TagName.SplitList(form.Fandoms), TagType.Fandom),
            ("Work.Relationships", TagName.SplitList(form.Relationships), TagType.Relationship),
            ("Work.Characters", TagName.SplitList(form.Characters), TagType.Character),
            ("Work.Freeforms", TagName.SplitList(form.Freeforms), TagType.Freeform),
        };
        // Counted before any tag is looked up: each lookup is a query, and 10,000 of them held a core for a minute and a half.
        var userTagCount = typed.Sum(t => t.Names.Count);
        if (userTagCount > Limits.UserTagsMax)
        {
            errors.Add("Work.Freeforms", $"A work can have at most {Limits.UserTagsMax} fandom, relationship, character and additional tags together; this one has {userTagCount:N0}.");
            return tags;
        }
        foreach (var (field, names, type) in typed)
        {
            if (type == TagType.Fandom && names.Count == 0)
            {
                errors.Add(field, "Add at least one fandom.");
            }
            // Every refused tag of the field is named in one message, so the author fixes them all in one go.
            var problems = new List<string>();
            foreach (var name in names)
            {
                if (TagName.Validate(name) is { } problem)
                {
                    problems.Add(problem);
                    continue;
                }
                var (tag, _) = await TagLookup.FindOrCreateAsync(db, name, type, now, ct);
                if (TagNameClash.Refusal(name, tag, type) is { } clash)
                {
                    problems.Add(clash);
                    continue;
                }
                if (!tags.Contains(tag))
                {
                    tags.Add(tag);
                }
            }
            if (problems.Count > 0)
            {
                errors.Add(field, string.Join(" ", problems));
            }
        }
        return tags;
    }

    /// <summary>The rating, warnings and categories, each id checked against the list it was offered in.</summary>
    private static async Task<List<Tag>> ResolveFixedAsync(ArchiveDbContext db, WorkForm form, FormErrors errors, CancellationToken ct)
    {
        var offered = new (string Field, string What, IReadOnlyCollection<int> Ids, TagType Type)[]
        {
            ("Work.RatingId", "a rating", [form.RatingId], TagType.Rating),
            ("Work.WarningIds", "an archive warning", form.WarningIds.Distinct().ToList(), TagType.ArchiveWarning),
            ("Work.CategoryIds", "a category", form.CategoryIds.Distinct().ToList(), TagType.Category),
        };
        var known = FixedTags.All.ToDictionary(t => t.Id);
        var ids = new List<int>();
        foreach (var (field, what, chosen, type) in offered)
        {
            // A form only offers the fixed tags of each list; anything else was not chosen from it.
            var wrong = chosen.Where(id => !known.TryGetValue(id, out var tag) || tag.Type != type).ToList();
            if (wrong.Count > 0)
            {
                errors.Add(field, $"{string.Join(", ", wrong.Take(5))} is not {what} this archive offers. Choose from the list.");
                continue;
            }
            ids.AddRange(chosen);
        }
        var fixedTags = await db.Tags.Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        if (!errors.Fields.ContainsKey("Work.RatingId") && !fixedTags.Any(t => t.Type == TagType.Rating))
        {
            errors.Add("Work.RatingId", "Choose a rating.");
        }
        if (!errors.Fields.ContainsKey("Work.WarningIds") && !fixedTags.Any(t => t.Type == TagType.ArchiveWarning))
        {
            errors.Add("Work.WarningIds", "Choose at least one archive warning, or \"Creator Chose Not To Use Archive Warnings\".");
        }
        return fixedTags;
    }

    /// <summary>
    /// Stores the tags this form creates, once the whole form is valid, each under the unique name index so that a
    /// concurrent post of the same new tag is reused rather than failing this one; null (with an error) in the rare
    /// case that the concurrent post made the name a tag of another type.
    /// </summary>
    public static async Task<List<Tag>?> StoreNewAsync(ArchiveDbContext db, List<Tag> tags, FormErrors errors, CancellationToken ct)
    {
        var stored = new List<Tag>(tags.Count);
        foreach (var tag in tags)
        {
            if (db.Entry(tag).State != EntityState.Added)
            {
                stored.Add(tag);
                continue;
            }
            var kept = await TagLookup.InsertOrGetAsync(db, tag, ct);
            if (kept.Type != tag.Type)
            {
                errors.Add(FieldOf(tag.Type), $"\"{tag.Name}\" has just been added as {TagTypeNames.WithArticle(kept.Type)}; it cannot also be {TagTypeNames.WithArticle(tag.Type)}.");
                return null;
            }
            if (!stored.Contains(kept))
            {
                stored.Add(kept);
            }
        }
        return stored;
    }

    private static string FieldOf(TagType type) => type switch
    {
        TagType.Fandom => "Work.Fandoms",
        TagType.Relationship => "Work.Relationships",
        TagType.Character => "Work.Characters",
        _ => "Work.Freeforms",
    };

    /// <summary>Fills a form's tag fields from a work, for editing.</summary>
    public static void FillForm(WorkForm form, Work work)
    {
        string Join(TagType type) => string.Join(", ", work.Tags.Where(t => t.Tag.Type == type).Select(t => t.Tag.Name));
        form.RatingId = work.Tags.Select(t => t.Tag).FirstOrDefault(t => t.Type == TagType.Rating)?.Id ?? FixedTags.NotRatedId;
        form.WarningIds = work.Tags.Where(t => t.Tag.Type == TagType.ArchiveWarning).Select(t => t.TagId).ToList();
        form.CategoryIds = work.Tags.Where(t => t.Tag.Type == TagType.Category).Select(t => t.TagId).ToList();
        form.Fandoms = Join(TagType.Fandom);
        form.Relationships = Join(TagType.Relationship);
        form.Characters = Join(TagType.Character);
        form.Freeforms = Join(TagType.Freeform);
    }
}
