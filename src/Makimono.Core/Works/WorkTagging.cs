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
        var fixedIds = new List<int> { form.RatingId };
        fixedIds.AddRange(form.WarningIds);
        fixedIds.AddRange(form.CategoryIds);
        var fixedTags = await db.Tags.Where(t => fixedIds.Contains(t.Id) && t.Type <= TagType.Category).ToListAsync(ct);
        if (!fixedTags.Any(t => t.Type == TagType.Rating && t.Id == form.RatingId))
        {
            errors.Add("Work.RatingId", "Choose a rating.");
        }
        if (!fixedTags.Any(t => t.Type == TagType.ArchiveWarning))
        {
            errors.Add("Work.WarningIds", "Choose at least one archive warning, or \"Creator Chose Not To Use Archive Warnings\".");
        }
        tags.AddRange(fixedTags);

        var typed = new (string Field, string? Value, TagType Type)[]
        {
            ("Work.Fandoms", form.Fandoms, TagType.Fandom),
            ("Work.Relationships", form.Relationships, TagType.Relationship),
            ("Work.Characters", form.Characters, TagType.Character),
            ("Work.Freeforms", form.Freeforms, TagType.Freeform),
        };
        var userTagCount = 0;
        foreach (var (field, value, type) in typed)
        {
            var names = TagName.SplitList(value);
            userTagCount += names.Count;
            if (type == TagType.Fandom && names.Count == 0)
            {
                errors.Add(field, "Add at least one fandom.");
            }
            foreach (var name in names)
            {
                if (TagName.Validate(name) is { } problem)
                {
                    errors.Add(field, problem);
                    continue;
                }
                var (tag, _) = await TagLookup.FindOrCreateAsync(db, name, type, now, ct);
                if (TagNameClash.Refusal(name, tag, type) is { } clash)
                {
                    errors.Add(field, clash);
                    continue;
                }
                if (!tags.Contains(tag))
                {
                    tags.Add(tag);
                }
            }
        }
        if (userTagCount > Limits.UserTagsMax)
        {
            errors.Add("Work.Freeforms", $"A work can have at most {Limits.UserTagsMax} fandom, relationship, character and additional tags together; this one has {userTagCount}.");
        }
        return tags;
    }

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
