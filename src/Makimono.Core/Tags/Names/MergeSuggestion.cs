using Makimono.Database;
using Makimono.Tags.Wrangling;

namespace Makimono.Tags.Names;

/// <summary>A canonical tag an unwrangled tag probably is, with the reason shown to the wrangler, who decides.</summary>
public sealed record MergeSuggestion(int CanonicalId, string CanonicalName, string Reason)
{
    /// <summary>
    /// For an unwrangled character or relationship tag, the canonical tag of its fandoms it resolves to:
    /// "Sakura x Kakashi" to "Hatake Kakashi/Haruno Sakura", "Kakashi" to "Hatake Kakashi". Null when nothing fits.
    /// </summary>
    public static async Task<MergeSuggestion?> ForTagAsync(ArchiveDbContext db, Tag tag, CancellationToken ct = default)
    {
        if (tag.IsCanonical || tag.MergerId is not null || tag.Type is not (TagType.Character or TagType.Relationship))
        {
            return null;
        }
        var fandoms = await WranglingAccess.FandomsOfAsync(db, tag, ct);
        var index = await FandomNames.RelationshipsAsync(db, fandoms, ct);
        if (tag.Type == TagType.Character)
        {
            return index.Characters.Resolve(tag.Name) is { } character && character.TagId != tag.Id
                ? new MergeSuggestion(character.TagId, character.Name, character.Reason)
                : null;
        }
        return index.Resolve(tag.Name) is { CanonicalTagId: { } id } relationship && id != tag.Id
            ? new MergeSuggestion(id, relationship.Name, relationship.Reason)
            : null;
    }
}
