using Makimono.Changes;
using Makimono.Database;
using Makimono.Tags;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Makimono.Search.Index;

/// <summary>
/// Keeps one <see cref="WorkIndex"/> current: opens the index in the data directory (or rebuilds it when it is missing
/// or damaged), then applies the change log from the index's committed position on, batch by batch. Every node
/// has its own index and its own place in the log, so any number of web nodes can share one PostgreSQL.
/// </summary>
public sealed class IndexUpdater(WorkIndex index, IndexFolders folders, Func<ArchiveDbContext> newContext, TimeProvider clock, ILogger<IndexUpdater> log)
{
    private const int ApplyBatch = 500;

    private readonly ChangeCursor _cursor = new(clock);
    private string? _folder;

    /// <summary>Opens the current index, or builds one when there is none or it cannot be read; the archive serves from the database meanwhile.</summary>
    public async Task OpenOrRebuildAsync(CancellationToken ct)
    {
        if (folders.Current() is { } folder && TryOpen(folder) is { } text)
        {
            var columns = await IndexBuilder.LoadColumnsAsync(newContext, ct);
            var position = text.CommittedPosition!.Value;
            Install(folder, columns, text, position);
            log.LogInformation("Search index opened ({Works} works); catching up from change {Position}.", columns.LiveCount, position);
            return;
        }
        await RebuildAsync(null, ct);
    }

    /// <summary>Builds a new index beside the current one and swaps it in (the reindex verb, and a start without a sound index).</summary>
    public async Task RebuildAsync(IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        log.LogInformation("Building the search index from the database; listings are answered by the database meanwhile.");
        var started = clock.GetTimestamp();
        var folder = folders.NewFolder();
        var (columns, text, position) = await IndexBuilder.BuildAsync(newContext, folder, progress, ct);
        folders.SwapTo(folder);
        Install(folder, columns, text, position);
        folders.DeleteOthers(folder);
        log.LogInformation("Search index built: {Works} works in {Seconds:F1} s.", columns.LiveCount, clock.GetElapsedTime(started).TotalSeconds);
    }

    private void Install(string folder, WorkColumns columns, TextIndex text, long position)
    {
        _cursor.StartAt(position);
        index.Install(columns, text, position);
        _folder = folder;
    }

    private TextIndex? TryOpen(string folder)
    {
        try
        {
            var text = TextIndex.Open(folder, create: false);
            if (text.CommittedPosition is null)
            {
                text.Dispose();
                log.LogWarning("The search index in {Folder} was never completed; rebuilding it.", folder);
                return null;
            }
            return text;
        }
        catch (Exception error) when (error is IOException or Lucene.Net.Index.CorruptIndexException or Lucene.Net.Index.IndexNotFoundException
            or Lucene.Net.Store.LockObtainFailedException or InvalidOperationException)
        {
            log.LogWarning(error, "The search index in {Folder} cannot be read; rebuilding it.", folder);
            return null;
        }
    }

    /// <summary>Whether another process (the reindex verb) swapped in a newer build since this one was opened.</summary>
    public bool FolderChanged => folders.Current() is { } current && current != _folder;

    /// <summary>Applies what the change log holds beyond the index's position; returns how many works were rewritten or removed.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct)
    {
        if (!index.IsReady)
        {
            return 0;
        }
        await using var db = newContext();
        List<ArchiveChange> changes;
        try
        {
            changes = await _cursor.ReadAsync(db, ct);
        }
        catch (ChangeLogBehindException behind)
        {
            // This node was away longer than the log is kept: what it missed is gone, so it builds afresh.
            log.LogWarning("{Message}", behind.Message);
            await RebuildAsync(null, ct);
            return 0;
        }
        if (changes.Count == 0)
        {
            return 0;
        }
        var workIds = changes.Where(c => c.WorkId is not null).Select(c => c.WorkId!.Value).ToHashSet();
        var tagIds = changes.Where(c => c.TagId is not null).Select(c => c.TagId!.Value).Distinct().ToList();
        var tags = new List<(int, TagType)>();
        foreach (var batch in tagIds.Chunk(ApplyBatch))
        {
            tags.AddRange((await db.Tags.Where(t => batch.Contains(t.Id)).Select(t => new { t.Id, t.Type }).ToListAsync(ct))
                .Select(t => (t.Id, t.Type)));
            // A renamed or re-parented tag changes the words of every work that carries it or filters on it.
            workIds.UnionWith(await db.WorkTags.Where(w => batch.Contains(w.TagId)).Select(w => w.WorkId)
                .Union(db.WorkFilterTags.Where(f => batch.Contains(f.TagId)).Select(f => f.WorkId)).ToListAsync(ct));
        }
        var source = new IndexSource(db);
        var batches = workIds.Order().Chunk(ApplyBatch).ToList();
        if (batches.Count == 0)
        {
            index.Apply([], [], tags, _cursor.Position);
        }
        foreach (var batch in batches)
        {
            var which = IndexSource.Selection.Of(batch);
            var facts = await source.WorksAsync(which, ct);
            var texts = await source.TextsAsync(which, bodies: true, ct);
            var found = facts.Select(f => f.Id).ToHashSet();
            // Tags created since the build (posting creates them) need their type for the facets.
            var unknown = index.UnknownTags(facts.SelectMany(f => f.FilterTagIds));
            if (unknown.Count > 0)
            {
                tags.AddRange((await db.Tags.Where(t => unknown.Contains(t.Id)).Select(t => new { t.Id, t.Type }).ToListAsync(ct))
                    .Select(t => (t.Id, t.Type)));
            }
            index.Apply(facts.Select(f => (f, texts[f.Id])).ToList(), batch.Where(id => !found.Contains(id)), tags, _cursor.Position);
            tags = [];
        }
        if (workIds.Count >= 1000)
        {
            index.RefreshBitsets();
        }
        return workIds.Count;
    }
}
