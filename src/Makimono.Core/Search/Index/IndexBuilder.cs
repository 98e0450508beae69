using Makimono.Changes;
using Makimono.Database;

namespace Makimono.Search.Index;

/// <summary>
/// Builds the index from the database: the change-log position first (so changes made during the build are applied
/// after it), then every work in batches of ids, reading the next batch while the current one is written.
/// </summary>
internal static class IndexBuilder
{
    public const int BatchSize = 5_000;

    /// <summary>A whole new index in <paramref name="folder"/>: columns and full text, committed with its position.</summary>
    public static async Task<(WorkColumns Columns, TextIndex Text, long Position)> BuildAsync(
        Func<ArchiveDbContext> newContext, string folder, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var text = TextIndex.Open(folder, create: true);
        try
        {
            var (columns, position) = await ReadAsync(newContext, text, progress, ct);
            text.Commit(position);
            text.Refresh();
            return (columns, text, position);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The columns alone, for a start with a sound full-text index on disk; the caller then catches up from the text
    /// index's committed position, which is at or before the columns' (re-applying a change is harmless).
    /// </summary>
    public static async Task<WorkColumns> LoadColumnsAsync(Func<ArchiveDbContext> newContext, CancellationToken ct) =>
        (await ReadAsync(newContext, null, null, ct)).Columns;

    private static async Task<(WorkColumns Columns, long Position)> ReadAsync(
        Func<ArchiveDbContext> newContext, TextIndex? text, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var columns = new WorkColumns();
        long position;
        int maxId;
        int total;
        await using (var db = newContext())
        {
            position = await ChangeCursor.LatestIdAsync(db, ct);
            var source = new IndexSource(db);
            columns.SetTagTypes(await source.TagTypesAsync(ct));
            maxId = await source.MaxWorkIdAsync(ct);
            total = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Works, ct);
        }
        var done = 0;
        Task<Batch>? next = maxId > 0 ? ReadBatchAsync(newContext, 0, text is not null, ct) : null;
        for (var after = 0; next is not null; after += BatchSize)
        {
            var batch = await next;
            next = after + BatchSize < maxId ? ReadBatchAsync(newContext, after + BatchSize, text is not null, ct) : null;
            foreach (var work in batch.Works)
            {
                columns.Put(work);
                if (text is not null)
                {
                    text.Put(work, batch.Texts![work.Id]);
                }
            }
            done += batch.Works.Count;
            progress?.Report((done, total));
        }
        columns.RefreshBitsets();
        return (columns, position);
    }

    private sealed record Batch(List<IndexedWork> Works, Dictionary<int, WorkText>? Texts);

    private static Task<Batch> ReadBatchAsync(Func<ArchiveDbContext> newContext, int after, bool withText, CancellationToken ct) =>
        Task.Run(async () =>
        {
            await using var db = newContext();
            var source = new IndexSource(db);
            var which = IndexSource.Selection.Range(after, after + BatchSize);
            var works = await source.WorksAsync(which, ct);
            var texts = withText ? await source.TextsAsync(which, bodies: true, ct) : null;
            return new Batch(works, texts);
        }, ct);
}
