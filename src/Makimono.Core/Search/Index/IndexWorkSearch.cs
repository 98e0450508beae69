using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Makimono.Accounts;
using Makimono.Database;
using Makimono.Text;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Search.Index;

/// <summary>
/// Answers listings from the search index, with a highlighted passage from the matching chapter for full-text
/// queries; while the index is not ready (first start, a rebuild), the database answers (<see cref="DatabaseWorkSearch"/>).
/// A listing never shows less than the database holds: when the change log is ahead of the index (a work posted a
/// moment ago), the answer waits up to <see cref="CatchUpWait"/> for the index, then asks the database instead.
/// </summary>
public sealed class IndexWorkSearch(WorkIndex index, DatabaseWorkSearch database, ArchiveDbContext db) : IWorkSearch
{
    public static readonly TimeSpan CatchUpWait = TimeSpan.FromMilliseconds(300);

    public async Task<WorkQueryResult> FindAsync(WorkQuery query, Viewer viewer, ViewerFilters filters, CancellationToken ct)
    {
        if (index.IsReady && !await CaughtUpAsync(ct))
        {
            return await database.FindAsync(query, viewer, filters, ct);
        }
        var (result, textQuery) = index.FindWithText(query, viewer, filters);
        if (result is null)
        {
            return await database.FindAsync(query, viewer, filters, ct);
        }
        if (textQuery is null || result.WorkIds.Count == 0)
        {
            return result;
        }
        return result with { Snippets = await SnippetsAsync(result.WorkIds, textQuery, ct) };
    }

    private async Task<bool> CaughtUpAsync(CancellationToken ct)
    {
        var latest = await Changes.ChangeCursor.LatestIdAsync(db, ct);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (index.Position < latest)
        {
            if (waited.Elapsed >= CatchUpWait)
            {
                return false;
            }
            await Task.Delay(10, ct);
        }
        return true;
    }

    /// <summary>
    /// For each work, the first posted chapter whose text the query matches, and its best passage. Chapter text is read
    /// from the database for the page's works only, so the index need not store it.
    /// </summary>
    private async Task<Dictionary<int, SearchSnippet>> SnippetsAsync(IReadOnlyList<int> workIds, Query query, CancellationToken ct)
    {
        var chapters = (await db.Chapters.AsNoTracking().Where(c => workIds.Contains(c.WorkId) && !c.IsDraft)
            .Select(c => new { c.Id, c.WorkId, c.Position, c.Body, c.Work.Language }).ToListAsync(ct))
            .OrderBy(c => c.Position).ToLookup(c => c.WorkId);
        var highlighter = HighlighterFor(query, expandPrefixes: true);
        var snippets = new Dictionary<int, SearchSnippet>();
        foreach (var workId in workIds)
        {
            foreach (var chapter in chapters[workId])
            {
                var text = WordCounter.PlainText(chapter.Body);
                string? fragment;
                try
                {
                    fragment = highlighter.GetBestFragment(TextAnalysis.ForLanguage(chapter.Language), "body", text);
                }
                catch (BooleanQuery.TooManyClausesException)
                {
                    // The highlighter expands a prefix into one clause per matching word of the chapter, and a long
                    // chapter can hold more than Lucene allows; the passage is then chosen by the other words.
                    fragment = HighlighterFor(query, expandPrefixes: false).GetBestFragment(TextAnalysis.ForLanguage(chapter.Language), "body", text);
                }
                if (fragment is not null)
                {
                    snippets[workId] = new SearchSnippet(chapter.Id, fragment.Trim());
                    break;
                }
            }
        }
        return snippets;
    }

    private static Highlighter HighlighterFor(Query query, bool expandPrefixes)
    {
        var scorer = new QueryScorer(query, "body") { ExpandMultiTermQuery = expandPrefixes };
        return new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(scorer, 200),
        };
    }
}
