using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Works;

/// <summary>
/// Two people editing the same work or chapter: a save based on an older version than the stored one is refused
/// with the editor's text kept, never stored over changes they have not seen.
/// </summary>
public static class EditConflicts
{
    public const string WorkField = "Work.Version";
    public const string ChapterField = "Chapter.Version";

    /// <summary>Refuses a form loaded at another version than the stored one; a form without a version is not checked.</summary>
    internal static void Check(FormErrors errors, string field, int? loadedVersion, int storedVersion)
    {
        if (loadedVersion is int loaded && loaded != storedVersion)
        {
            errors.Add(field, Message(field));
        }
    }

    /// <summary>
    /// Saves, refusing when the row changed since it was read (the version is a concurrency token, so a save that
    /// raced this one in the moment between reading and writing is caught too).
    /// </summary>
    internal static async Task SaveAsync(ArchiveDbContext db, FormErrors errors, string field, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            errors.Add(field, Message(field));
        }
    }

    public static bool IsConflict(FormErrors errors) => errors.Fields.ContainsKey(WorkField) || errors.Fields.ContainsKey(ChapterField);

    private static string Message(string field) =>
        $"Someone saved changes to this {(field == WorkField ? "work" : "chapter")} after you opened this form, so nothing was saved. What you typed is below, unchanged. Look at the current version, then press Save again to replace it with what is here.";
}
