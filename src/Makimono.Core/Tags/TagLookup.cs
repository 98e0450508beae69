using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags;

public static class TagLookup
{
    /// <summary>
    /// The tag with this name (compared normalised, and including tags added to the context but not saved yet),
    /// or a new non-canonical one of the given type. A found tag may be of another type: callers decide.
    /// </summary>
    /// <summary>The tag a person named, compared in normalised form; null when the name is blank or unknown.</summary>
    public static async Task<Tag?> FindByNameAsync(IQueryable<Tag> tags, string? name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var normalized = TagName.Normalize(name.Trim());
        return await tags.FirstOrDefaultAsync(t => t.NormalizedName == normalized, ct);
    }

    public static async Task<(Tag Tag, bool Created)> FindOrCreateAsync(ArchiveDbContext db, string name, TagType type, DateTime now, CancellationToken ct)
    {
        var normalized = TagName.Normalize(name);
        var tag = db.Tags.Local.FirstOrDefault(t => t.NormalizedName == normalized)
            ?? await db.Tags.FirstOrDefaultAsync(t => t.NormalizedName == normalized, ct);
        if (tag is not null)
        {
            return (tag, false);
        }
        tag = new Tag { Name = name, NormalizedName = normalized, Type = type, CreatedAt = now };
        db.Tags.Add(tag);
        return (tag, true);
    }

    /// <summary>
    /// Stores a tag that <see cref="FindOrCreateAsync"/> made, or, when another request stored the same name since it
    /// looked, returns that one: the insert yields to the unique index instead of failing the whole save, so twenty
    /// writers adding the same new tag at once all succeed. The returned tag may be of another type: callers decide.
    /// </summary>
    public static async Task<Tag> InsertOrGetAsync(ArchiveDbContext db, Tag created, CancellationToken ct)
    {
        db.Entry(created).State = EntityState.Detached;
        // Both SQLite and PostgreSQL speak this; on PostgreSQL a competing insert not yet committed is waited for.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "Tags" ("Name", "NormalizedName", "Type", "IsCanonical", "IsUnwrangleable", "CreatedAt")
            VALUES ({created.Name}, {created.NormalizedName}, {(int)created.Type}, FALSE, FALSE, {created.CreatedAt})
            ON CONFLICT ("NormalizedName") DO NOTHING
            """, ct);
        return await db.Tags.SingleAsync(t => t.NormalizedName == created.NormalizedName, ct);
    }
}
