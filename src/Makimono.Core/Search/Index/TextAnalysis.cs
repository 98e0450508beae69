using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Makimono.Search.Index;

/// <summary>
/// The analysers: English with stemming for every work by default, and CJK bigrams for Chinese and Japanese works,
/// chosen per document when it is written and per word of a query when it is read. Stop words stay in, so that a
/// phrase such as "the end of the world" means exactly those words and a query of one common word is not emptied.
/// </summary>
internal static class TextAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Keeps each chapter's text apart, so a phrase never runs from one chapter into the next.</summary>
    private const int ChapterGap = 100;

    public static readonly Analyzer English = new Gapped(new EnglishAnalyzer(Version, CharArraySet.Empty));
    public static readonly Analyzer Cjk = new Gapped(new CJKAnalyzer(Version, CharArraySet.Empty));

    public static bool UsesBigrams(string language) =>
        language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || language.StartsWith("ja", StringComparison.OrdinalIgnoreCase);

    public static Analyzer ForLanguage(string language) => UsesBigrams(language) ? Cjk : English;

    /// <summary>Query words with Han, kana or Hangul in them are read as CJK bigrams, the rest as English.</summary>
    public static Analyzer ForQueryText(string text) => text.Any(IsCjk) ? Cjk : English;

    private static bool IsCjk(char c) => c is >= '\u3040' and <= '\u30ff' or >= '\u3400' and <= '\u4dbf' or >= '\u4e00' and <= '\u9fff'
        or >= '\uac00' and <= '\ud7af' or >= '\uf900' and <= '\ufaff' or >= '\uff66' and <= '\uff9f';

    /// <summary>The terms and positions a piece of text becomes in a field.</summary>
    public static List<(string Term, int Position)> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add((term.ToString(), position));
        }
        stream.End();
        return terms;
    }

    private sealed class Gapped(Analyzer inner) : AnalyzerWrapper(inner.Strategy)
    {
        protected override Analyzer GetWrappedAnalyzer(string fieldName) => inner;

        public override int GetPositionIncrementGap(string fieldName) => ChapterGap;
    }
}
