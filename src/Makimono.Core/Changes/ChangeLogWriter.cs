using System.Runtime.CompilerServices;
using System.Text;
using Makimono.Accounts;
using Makimono.Tags;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Makimono.Changes;

/// <summary>
/// Writes <see cref="ArchiveChange"/> rows for every save that changes works (their chapters, tags, filter sets,
/// creators, series) or tags (names, synonyms, parents, meta tags), inside the save's transaction: when the save
/// has none, one is begun before it and committed after the rows are in, so a change and its log row commit or
/// roll back together. Rows are inserted after the save because a new work's id is known only then.
/// Every context gets this interceptor (<see cref="Hosting.ArchiveDatabaseSetup"/>), so the CLI verbs log too.
/// </summary>
public sealed class ChangeLogWriter : SaveChangesInterceptor
{
    public static readonly ChangeLogWriter Instance = new();

    private sealed class Pending(List<object> entities, IDbContextTransaction? ownTransaction)
    {
        public List<object> Entities { get; } = entities;
        public IDbContextTransaction? OwnTransaction { get; } = ownTransaction;
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db && Touched(db) is var touched)
        {
            if (Renamed(db) is { } renamed)
            {
                touched.AddRange(renamed.Select(id => new LoggedWork(id)).ToList());
            }
            if (touched.Count == 0)
            {
                return result;
            }
            var own = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
            _pending.AddOrUpdate(db, new Pending(touched, own));
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && Touched(db) is var touched)
        {
            if (Renamed(db) is { } renamed)
            {
                touched.AddRange((await renamed.ToListAsync(cancellationToken)).Select(id => new LoggedWork(id)));
            }
            if (touched.Count == 0)
            {
                return result;
            }
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            _pending.AddOrUpdate(db, new Pending(touched, own));
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            try
            {
                if (InsertSql(pending.Entities) is { } sql)
                {
                    db.Database.ExecuteSqlRaw(sql);
                }
                pending.OwnTransaction?.Commit();
            }
            finally
            {
                pending.OwnTransaction?.Dispose();
            }
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            try
            {
                if (InsertSql(pending.Entities) is { } sql)
                {
                    await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
                }
                if (pending.OwnTransaction is { } own)
                {
                    await own.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                if (pending.OwnTransaction is { } own)
                {
                    await own.DisposeAsync();
                }
            }
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            pending.OwnTransaction?.Dispose();
        }
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            if (pending.OwnTransaction is { } own)
            {
                await own.DisposeAsync();
            }
        }
    }

    private static List<object> Touched(DbContext db) => db.ChangeTracker.Entries()
        .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Matters(e))
        .Select(e => e.Entity).ToList();

    /// <summary>A work logged for another reason than its own rows changing: a creator's pseud or user name.</summary>
    private sealed record LoggedWork(int Id);

    /// <summary>
    /// The works credited to a pseud or user whose name this save changes (the index searches and sorts by creator
    /// names), as a query to run before the save; null when no name changes.
    /// </summary>
    private static IQueryable<int>? Renamed(DbContext db)
    {
        var pseuds = db.ChangeTracker.Entries<Pseud>()
            .Where(e => e.State == EntityState.Modified && e.Property(p => p.Name).IsModified).Select(e => e.Entity.Id).ToList();
        var users = db.ChangeTracker.Entries<User>()
            .Where(e => e.State == EntityState.Modified && e.Property(u => u.UserName).IsModified).Select(e => e.Entity.Id).ToList();
        if (pseuds.Count + users.Count == 0)
        {
            return null;
        }
        return db.Set<WorkCreator>().Where(c => pseuds.Contains(c.PseudId) || users.Contains(c.Pseud.UserId)).Select(c => c.WorkId).Distinct();
    }

    private static bool Matters(EntityEntry entry) => entry.Entity is Work or Chapter or WorkTag or WorkFilterTag
        or WorkCreator or SeriesWork or Tag or TagParent or MetaTagLink or WranglingLogEntry or ILoggedResponse;

    /// <summary>
    /// The work and tag ids the entities stand for, read after the save so new rows have their ids. Tagging a work logs
    /// the work, not the tag: readers treat a logged tag as "every work with it may read differently" (a rename).
    /// </summary>
    internal static (SortedSet<int> Works, SortedSet<int> Tags) Ids(IEnumerable<object> entities)
    {
        var works = new SortedSet<int>();
        var tags = new SortedSet<int>();
        foreach (var entity in entities)
        {
            switch (entity)
            {
                case Work w: works.Add(w.Id); break;
                case LoggedWork w: works.Add(w.Id); break;
                case Chapter c: works.Add(c.WorkId); break;
                case WorkTag t: works.Add(t.WorkId); break;
                case WorkFilterTag f: works.Add(f.WorkId); break;
                case WorkCreator c: works.Add(c.WorkId); break;
                case SeriesWork s: works.Add(s.WorkId); break;
                case Tag t: tags.Add(t.Id); break;
                case TagParent p: tags.Add(p.ChildId); tags.Add(p.ParentId); break;
                case MetaTagLink l: tags.Add(l.SubTagId); tags.Add(l.MetaTagId); break;
                case WranglingLogEntry e: tags.Add(e.TagId); if (e.OtherTagId is int other) { tags.Add(other); } break;
            }
        }
        works.Remove(0);
        tags.Remove(0);
        return (works, tags);
    }

    /// <summary>The responses among the entities, each once, read after the save so new rows have their ids.</summary>
    internal static SortedSet<(ChangeSubject Subject, long Id)> Responses(IEnumerable<object> entities) =>
        new(entities.OfType<ILoggedResponse>().Select(r => (r.Subject, r.SubjectId)).Where(r => r.SubjectId != 0));

    /// <summary>One multi-row insert; the values are ids and enum numbers (integers), so they are written into the statement.</summary>
    private static string? InsertSql(List<object> entities)
    {
        var (works, tags) = Ids(entities);
        var responses = Responses(entities);
        if (works.Count + tags.Count + responses.Count == 0)
        {
            return null;
        }
        var sql = new StringBuilder("""INSERT INTO "ArchiveChanges" ("WorkId", "TagId", "Subject", "SubjectId") VALUES """);
        var first = true;
        foreach (var row in works.Select(w => $"({w}, NULL, NULL, NULL)")
            .Concat(tags.Select(t => $"(NULL, {t}, NULL, NULL)"))
            .Concat(responses.Select(r => $"(NULL, NULL, {(short)r.Subject}, {r.Id})")))
        {
            sql.Append(first ? "" : ", ").Append(row);
            first = false;
        }
        return sql.ToString();
    }
}
