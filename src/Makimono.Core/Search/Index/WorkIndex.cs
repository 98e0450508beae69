using Makimono.Accounts;
using Makimono.Search.Text;
using Makimono.Tags;
using Makimono.Works;

namespace Makimono.Search.Index;

/// <summary>
/// The search index of this process: the in-memory columns (<see cref="WorkColumns"/>) for filters, sorts, facets and
/// access, and the Lucene full-text index (<see cref="TextIndex"/>) in the data directory. Until it is ready (first
/// start, or a damaged index being rebuilt) <see cref="Find"/> answers null and listings fall back to the database.
/// Searches share a read lock; the updater takes the write lock for each small batch of changes.
/// </summary>
public sealed class WorkIndex : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private WorkColumns? _columns;
    private TextIndex? _text;

    public bool IsReady => Volatile.Read(ref _columns) is not null;

    /// <summary>The change-log position the index has applied, for tests and the benchmark's findability check.</summary>
    public long Position { get; private set; }

    public string? Folder => _text?.Folder;

    /// <summary>How many tag summaries the tag-page path keeps (for tests: it was taken).</summary>
    internal int TagSummaryCount => _columns?.Summaries.Count ?? 0;

    /// <summary>From how many works a tag's plain tag page is answered from its kept counts and order (tests lower it to reach that path on a small archive).</summary>
    internal int TagListingMinWorks { get; init; } = 2048;

    /// <summary>The answer from the index, or null while it is not ready. A query text that cannot be read is answered with its error.</summary>
    public WorkQueryResult? Find(WorkQuery query, Viewer viewer, ViewerFilters filters) =>
        FindWithText(query, viewer, filters).Result;

    internal (WorkQueryResult? Result, Lucene.Net.Search.Query? TextQuery) FindWithText(WorkQuery query, Viewer viewer, ViewerFilters filters)
    {
        QueryNode? parsed;
        try
        {
            parsed = QueryParser.Parse(query.Text);
        }
        catch (QueryTextException error)
        {
            return (new WorkQueryResult([], 0, new Dictionary<TagType, IReadOnlyList<FacetCount>>(), null, 0)
            {
                TextError = new QueryTextError(error.Message, error.Position, error.Suggestion),
            }, null);
        }
        var textQuery = parsed is null ? null : TextQuery.From(parsed);
        _lock.EnterReadLock();
        try
        {
            if (_columns is not { } columns || _text is not { } text)
            {
                return (null, null);
            }
            var hits = textQuery is null ? null : text.Search(textQuery, columns);
            return (ColumnSearch.Run(columns, query, WorkAccess.VisibilityFor(viewer), filters, hits), textQuery);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Puts a freshly built or loaded index in place; the previous one, if any, is closed.</summary>
    internal void Install(WorkColumns columns, TextIndex text, long position)
    {
        TextIndex? old;
        _lock.EnterWriteLock();
        try
        {
            old = _text;
            columns.TagListingMinWorks = TagListingMinWorks;
            _columns = columns;
            _text = text;
            Position = position;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
        if (!ReferenceEquals(old, text))
        {
            old?.Dispose();
        }
    }

    /// <summary>Applies one batch read from the change log: works to (re)write, works gone, tags whose type may be new.</summary>
    internal void Apply(IReadOnlyList<(IndexedWork Facts, WorkText Text)> works, IEnumerable<int> removed, IEnumerable<(int Id, TagType Type)> tags, long position)
    {
        _lock.EnterWriteLock();
        try
        {
            if (_columns is not { } columns || _text is not { } text)
            {
                return;
            }
            foreach (var (id, type) in tags)
            {
                columns.SetTagType(id, type);
            }
            foreach (var id in removed)
            {
                columns.Remove(id);
                text.Delete(id);
            }
            foreach (var (facts, words) in works)
            {
                columns.Put(facts);
                text.Put(facts, words);
            }
            if (columns.Orders.NeedsReset)
            {
                columns.Orders.Reset();
            }
            text.Refresh();
            Position = position;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The tags among <paramref name="tagIds"/> whose type the columns do not know yet (tags created since the build).</summary>
    internal List<int> UnknownTags(IEnumerable<int> tagIds)
    {
        _lock.EnterReadLock();
        try
        {
            return _columns is { } columns
                ? tagIds.Distinct().Where(id => id >= columns.TagTypes.Length || columns.TagTypes[id] == 0).ToList()
                : [];
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    internal void Commit()
    {
        _lock.EnterReadLock();
        try
        {
            _text?.Commit(Position);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    internal void RefreshBitsets()
    {
        _lock.EnterWriteLock();
        try
        {
            _columns?.RefreshBitsets();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Dispose()
    {
        _text?.Dispose();
        _lock.Dispose();
    }
}
