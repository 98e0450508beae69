using Makimono.Accounts;
using Makimono.Search;
using Makimono.Search.Index;
using Makimono.Tests.Database;
using Microsoft.Extensions.Logging.Abstractions;

namespace Makimono.Tests.Search;

/// <summary>A search index over a test archive, in a temporary data folder, updated only when a test says so.</summary>
public sealed class TestIndex : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("makimono-index-").FullName;

    private TestIndex(TestArchive archive, int? tagListingMinWorks)
    {
        Index = tagListingMinWorks is int min ? new WorkIndex { TagListingMinWorks = min } : new WorkIndex();
        Folders = new IndexFolders(_data);
        Updater = new IndexUpdater(Index, Folders, archive.NewContext, archive.Clock, NullLogger<IndexUpdater>.Instance);
    }

    public WorkIndex Index { get; }

    public IndexFolders Folders { get; }

    public IndexUpdater Updater { get; }

    public string DataDirectory => _data;

    /// <param name="tagListingMinWorks">From how many works a tag page is answered from its kept counts and order; 0 reaches that path on a small archive.</param>
    public static async Task<TestIndex> OpenAsync(TestArchive archive, int? tagListingMinWorks = null)
    {
        var index = new TestIndex(archive, tagListingMinWorks);
        await index.Updater.OpenOrRebuildAsync(CancellationToken.None);
        return index;
    }

    public WorkQueryResult Find(WorkQuery query, Viewer? viewer = null, ViewerFilters? filters = null) =>
        Index.Find(query, viewer ?? Viewer.Guest, filters ?? ViewerFilters.None) ?? throw new InvalidOperationException("The index is not ready.");

    /// <summary>Every work id of the answer, following the search-after cursor page by page.</summary>
    public List<int> All(WorkQuery query, Viewer? viewer = null, ViewerFilters? filters = null)
    {
        var ids = new List<int>();
        var page = Find(query, viewer, filters);
        ids.AddRange(page.WorkIds);
        while (page.NextAfter is { } after)
        {
            page = Find(query with { After = after }, viewer, filters);
            ids.AddRange(page.WorkIds);
        }
        return ids;
    }

    public void Dispose()
    {
        Index.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
