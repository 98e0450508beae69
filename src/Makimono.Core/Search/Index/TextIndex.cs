using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Makimono.Tags;
using Makimono.Search.Text;

namespace Makimono.Search.Index;

/// <summary>
/// The full-text half of the index: one Lucene document per work (title, summary, notes, creators, tag names by type,
/// number fields, and each posted chapter as one value of "body"), in a folder of the data directory. As Examine does:
/// one long-lived <see cref="IndexWriter"/>, a <see cref="SearcherManager"/> reopened near-real-time after each batch
/// of changes, and commits that carry the change-log position they include, so a restart catches up from there.
/// </summary>
internal sealed class TextIndex : IDisposable
{
    public const string PositionKey = "changeLogPosition";

    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;

    private TextIndex(FSDirectory directory, IndexWriter writer)
    {
        _directory = directory;
        _writer = writer;
        _searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
    }

    public string Folder => _directory.Directory.FullName;

    /// <summary>Opens the index in <paramref name="folder"/>, creating an empty one when <paramref name="create"/>.</summary>
    public static TextIndex Open(string folder, bool create)
    {
        System.IO.Directory.CreateDirectory(folder);
        var directory = FSDirectory.Open(folder);
        try
        {
            var config = new IndexWriterConfig(TextAnalysis.Version, TextAnalysis.English)
            {
                OpenMode = create ? OpenMode.CREATE : OpenMode.APPEND,
                RAMBufferSizeMB = 64,
            };
            return new TextIndex(directory, new IndexWriter(directory, config));
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>The change-log position of the last commit; null when the index has never been committed whole.</summary>
    public long? CommittedPosition =>
        _writer.CommitData.TryGetValue(PositionKey, out var value) && long.TryParse(value, CultureInfo.InvariantCulture, out var position)
            ? position : null;

    public void Put(IndexedWork facts, WorkText work)
    {
        var doc = new Document
        {
            new StringField("id", work.Id.ToString(CultureInfo.InvariantCulture), Field.Store.NO),
            new NumericDocValuesField("wid", work.Id),
            new TextField("title", work.Title, Field.Store.NO),
        };
        if (work.Summary is { } summary)
        {
            doc.Add(new TextField("summary", summary, Field.Store.NO));
        }
        if (work.Notes is { } notes)
        {
            doc.Add(new TextField("notes", notes, Field.Store.NO));
        }
        foreach (var creator in work.Creators)
        {
            doc.Add(new TextField("creator", creator, Field.Store.NO));
        }
        foreach (var (type, names) in work.TagNames)
        {
            var field = QueryFields.ForTagType(type);
            foreach (var name in names)
            {
                // Each name is analysed once: in its type's field, or for ratings, warnings and categories in "tags".
                doc.Add(new TextField(field ?? "tags", name, Field.Store.NO));
            }
        }
        foreach (var chapter in work.Chapters)
        {
            doc.Add(new TextField("body", chapter, Field.Store.NO));
        }
        AddNumbers(doc, facts);
        _writer.UpdateDocument(new Term("id", work.Id.ToString(CultureInfo.InvariantCulture)), doc, TextAnalysis.ForLanguage(work.Language));
    }

    /// <summary>The number fields a query compares (words&gt;1000) are written with the work's figures.</summary>
    private static void AddNumbers(Document doc, IndexedWork work)
    {
        doc.Add(new Int32Field("words", work.Words, Field.Store.NO));
        doc.Add(new Int32Field("kudos", work.Kudos, Field.Store.NO));
        doc.Add(new Int32Field("hits", work.Hits, Field.Store.NO));
        doc.Add(new Int32Field("comments", work.Comments, Field.Store.NO));
        doc.Add(new Int32Field("bookmarks", work.Bookmarks, Field.Store.NO));
        doc.Add(new Int32Field("chapters", work.PostedChapters, Field.Store.NO));
    }

    public void Delete(int workId) => _writer.DeleteDocuments(new Term("id", workId.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Makes the changes written so far visible to searches (near-real-time: no commit needed).</summary>
    public void Refresh() => _searchers.MaybeRefreshBlocking();

    public void Commit(long position)
    {
        _writer.SetCommitData(new Dictionary<string, string> { [PositionKey] = position.ToString(CultureInfo.InvariantCulture) });
        _writer.Commit();
    }

    /// <summary>The slots of the works the query matches, with scores; works the columns do not know are left out.</summary>
    public TextHits Search(Query query, WorkColumns columns)
    {
        var searcher = _searchers.Acquire();
        try
        {
            var hits = new TextHits(columns.Count);
            searcher.Search(query, new SlotCollector(columns, hits));
            return hits;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }

    private sealed class SlotCollector(WorkColumns columns, TextHits hits) : ICollector
    {
        private NumericDocValues? _ids;
        private Scorer? _scorer;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _ids = context.AtomicReader.GetNumericDocValues("wid");

        public void Collect(int doc)
        {
            var slot = columns.SlotOf((int)_ids!.Get(doc));
            if (slot >= 0)
            {
                hits.Add(slot, _scorer?.GetScore() ?? 0);
            }
        }
    }
}
