using Makimono.Accounts;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Makimono.Tags.Autocomplete;

/// <summary>
/// Marks this process's autocomplete index stale whenever it saves tags, tag links, wrangling or works, so the next
/// lookup rebuilds without waiting for the check interval. Other web nodes learn of the change from the change log
/// (<see cref="Changes.ArchiveChange"/>), which every save writes.
/// </summary>
public sealed class TagIndexChanges(TagAutocomplete autocomplete) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Notice(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Notice(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Notice(DbContext? db)
    {
        if (db is not null && db.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is Tag or TagParent or WranglingLogEntry or Work or WorkTag))
        {
            autocomplete.MarkStale();
        }
    }
}
