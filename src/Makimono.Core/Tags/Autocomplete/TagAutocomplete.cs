using Makimono.Accounts;
using Makimono.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Makimono.Tags.Autocomplete;

/// <summary>
/// Keeps one <see cref="TagNameIndex"/> per process and answers from it. Every <see cref="CheckInterval"/> at most, a
/// lookup starts a cheap check of whether tags changed (here or on another web node sharing the database); only then
/// is the index rebuilt, in the background, while lookups keep answering from the previous one.
/// </summary>
public sealed class TagAutocomplete(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TagAutocomplete> log)
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);

    private sealed record Snapshot(TagNameIndex Index, DateTimeOffset CheckedAt);

    private readonly Lock _gate = new();
    private Snapshot? _current;
    private Task? _refreshing;
    private volatile bool _stale;
    /// <summary>
    /// Where this node is in the change log (<see cref="Changes.ArchiveChange"/>): any new row there, written by this
    /// node or another one sharing the database, means tags, wrangling or works changed since the index was built.
    /// Only the one refresh that runs at a time touches it.
    /// </summary>
    private readonly Changes.ChangeCursor _changes = new(clock);

    /// <summary>Called when this process changed tags or works: the next lookup starts a rebuild without waiting for the interval.</summary>
    public void MarkStale() => _stale = true;

    /// <summary>The current index, built on first use; a due check for changes runs in the background.</summary>
    public async Task<TagNameIndex> IndexAsync()
    {
        if (Volatile.Read(ref _current) is not { } current)
        {
            await RefreshIfDueAsync();
            return Volatile.Read(ref _current)!.Index;
        }
        if (IsDue(current))
        {
            _ = RefreshIfDueAsync();
        }
        return current.Index;
    }

    /// <summary>Checks for changes when the last check is older than <see cref="CheckInterval"/>, and rebuilds if there were any.</summary>
    public Task RefreshIfDueAsync()
    {
        lock (_gate)
        {
            if (_refreshing is { IsCompleted: false } running)
            {
                return ThenAgainAsync(running);
            }
            if (_current is { } current && !IsDue(current))
            {
                return Task.CompletedTask;
            }
            return _refreshing = RefreshAsync();
        }
    }

    /// <summary>A refresh that started before the latest change may have missed it; the caller waits for one that did not.</summary>
    private async Task ThenAgainAsync(Task running)
    {
        await running;
        await RefreshIfDueAsync();
    }

    private bool IsDue(Snapshot snapshot) => _stale || clock.GetUtcNow() - snapshot.CheckedAt >= CheckInterval;

    private async Task RefreshAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            var now = clock.GetUtcNow();
            // Cleared first, so a change saved while this refresh runs marks the index stale again.
            var stale = _stale;
            _stale = false;
            var current = Volatile.Read(ref _current);
            TagNameIndex index;
            if (current is null)
            {
                // The position first: a change saved while the index builds is then read, and rebuilt for, next time.
                await _changes.StartAtEndAsync(db);
                index = await BuildAsync(db);
            }
            else
            {
                bool changed;
                try
                {
                    changed = (await _changes.ReadAsync(db)).Count > 0;
                }
                catch (Changes.ChangeLogBehindException)
                {
                    // Rows this node had not read were pruned: start again at the end and rebuild, as at first.
                    await _changes.StartAtEndAsync(db);
                    changed = true;
                }
                index = changed || stale ? await BuildAsync(db) : current.Index;
            }
            Volatile.Write(ref _current, new Snapshot(index, now));
        }
        catch (Exception error) when (Volatile.Read(ref _current) is not null)
        {
            // Keep answering from the last index; the next due lookup tries again.
            log.LogWarning(error, "Could not refresh the tag autocomplete index.");
        }
    }

    /// <summary>
    /// The tags that exist for a guest (<see cref="TagVisibility"/>), because one index serves every viewer: canonical
    /// tags and synonyms, and others once a work anyone may see uses them. Uses count those works too.
    /// </summary>
    internal static async Task<TagNameIndex> BuildAsync(ArchiveDbContext db)
    {
        var uses = await db.Works.VisibleTo(Viewer.Guest).SelectMany(w => w.Tags)
            .GroupBy(wt => wt.TagId).Select(g => new { TagId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.TagId, g => g.Count);
        var tags = await db.Tags.AsNoTracking().Where(t => t.Id >= FixedTags.FirstUserTagId)
            .Select(t => new { t.Id, t.Name, t.NormalizedName, t.Type, t.IsCanonical, t.MergerId })
            .ToListAsync();
        var indexed = tags
            .Select(t => new IndexedTag(t.Id, t.Name, t.NormalizedName, t.Type, t.IsCanonical, t.MergerId, uses.GetValueOrDefault(t.Id)))
            .Where(t => TagVisibility.IsPublicWrangling(t.IsCanonical, t.MergerId) || t.Uses > 0)
            .ToList();
        var parents = await db.TagParents.Where(p => p.Parent.Type == TagType.Fandom)
            .Select(p => new { p.ChildId, p.ParentId }).ToListAsync();
        return TagNameIndex.Build(indexed, parents.Select(p => (p.ChildId, p.ParentId)).ToList());
    }
}
