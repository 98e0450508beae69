using System.Runtime.CompilerServices;
using Makimono.Accounts;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Makimono.Tags.Autocomplete;

/// <summary>
/// Marks the autocomplete index stale whenever this process saves tags, tag links, wrangling or works, and
/// records a new <see cref="VersionKey"/> in the database after such a save, so that other web nodes see it too:
/// posting a draft or changing a work's tags adds no tag, work or log entry they could notice otherwise.
/// </summary>
public sealed class TagIndexChanges(TagAutocomplete autocomplete) : SaveChangesInterceptor
{
    /// <summary>The site setting that changes after every save that touches what the index shows.</summary>
    public const string VersionKey = "TagIndexVersion";

    /// <summary>The contexts whose current save touches the index; one interceptor serves every context at once.</summary>
    private readonly ConditionalWeakTable<DbContext, object> _touching = [];

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

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && _touching.Remove(db))
        {
            db.Database.ExecuteSqlRaw(UpsertSql(db), VersionKey, Guid.NewGuid().ToString("N"));
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _touching.Remove(db))
        {
            await db.Database.ExecuteSqlRawAsync(UpsertSql(db), [VersionKey, Guid.NewGuid().ToString("N")], cancellationToken);
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? db)
    {
        if (db is not null)
        {
            _touching.Remove(db);
        }
    }

    private void Notice(DbContext? db)
    {
        if (db is not null && db.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is Tag or TagParent or WranglingLogEntry or Work or WorkTag))
        {
            autocomplete.MarkStale();
            _touching.AddOrUpdate(db, db);
        }
    }

    /// <summary>
    /// One statement that SQLite and PostgreSQL both run: insert the setting, or replace its value when two nodes
    /// race to create it. After the save, so no node reads the new version before the change it stands for;
    /// inside the save's transaction when there is one.
    /// </summary>
    private static string UpsertSql(DbContext db)
    {
        var setting = db.Model.FindEntityType(typeof(SiteSetting))!;
        var table = setting.GetTableName();
        var key = setting.FindProperty(nameof(SiteSetting.Key))!.GetColumnName();
        var value = setting.FindProperty(nameof(SiteSetting.Value))!.GetColumnName();
        return $$"""INSERT INTO "{{table}}" ("{{key}}", "{{value}}") VALUES ({0}, {1}) ON CONFLICT ("{{key}}") DO UPDATE SET "{{value}}" = excluded."{{value}}" """;
    }
}
