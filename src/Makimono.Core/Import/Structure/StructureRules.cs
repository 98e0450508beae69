using System.Text.RegularExpressions;

namespace Makimono.Import.Structure;

/// <summary>The small, named rules the recogniser is built from. Each looks at one line or paragraph.</summary>
internal static partial class StructureRules
{
    /// <summary>Lines AO3 puts around a work's text when it is copied or downloaded as text.</summary>
    public static bool IsAo3Marker(string line) =>
        line.Trim() is "Work Header" or "Work Text:" or "Chapter Text" or "Rendered Text";

    /// <summary>A line of *, ~, -, o, x, # and similar symbols, or a centred symbol, standing for a scene break.</summary>
    public static bool IsSceneBreakLine(string line)
    {
        var t = line.Trim();
        if (t.Length == 0)
        {
            return false;
        }
        return SymbolRun().IsMatch(t) || OxRun().IsMatch(t);
    }

    /// <summary>
    /// A centred line stands apart from the story, so a few symbols with at most a lone letter among them
    /// ("~o~", "-x-", "§") are a scene break there even when they would not be on a line of their own.
    /// </summary>
    public static bool IsCentredSceneBreak(string line) => IsSceneBreakLine(line) || CentredSymbols().IsMatch(line.Trim());

    public static Match ChapterHeading(string line) => ChapterHeadingPattern().Match(line.Trim());

    /// <summary>
    /// "Chapter 1" (or "Prologue") with the chapter's title on the line below it, the two as one paragraph.
    /// Bare numerals are left out: "I" above a line is as likely a poem.
    /// </summary>
    public static Match ChapterHeadingAbove(Paragraph p)
    {
        if (p.Lines.Count != 2 || !NamedHeadingStart().IsMatch(p.Lines[0].Text) || !IsTitleLine(new Paragraph([p.Lines[1]], 0)))
        {
            return Match.Empty;
        }
        var m = ChapterHeading(p.Lines[0].Text);
        return m.Success && !m.Groups["title"].Success ? m : Match.Empty;
    }

    public static Match Label(string line) => LabelPattern().Match(line);

    public static Match RatedInWords(string line) => RatedPattern().Match(line);

    public static bool SaysNoLemons(string text) => NoLemons().IsMatch(text);

    /// <summary>A line that states metadata: a label, a byline, a rating, a pairing.</summary>
    public static bool IsMetadataLine(string line) =>
        Label(line).Success || Byline(line).Success || RatedInWords(line).Success || UnlabelledPairing(line).Success
        || GenderPairing(line).Success || SaysNoLemons(line);

    public static Match Byline(string line) => BylinePattern().Match(line.Trim());

    public static Match UnlabelledPairing(string line) => PairingPattern().Match(line.Trim());

    public static Match GenderPairing(string line) => GenderPairingPattern().Match(line.Trim());

    /// <summary>A short line that reads like a heading: no full stop or comma at its end, not dialogue.</summary>
    public static bool IsTitleLine(Paragraph p) =>
        p.IsSingleLine && !p.IsRule && Words(p.Text) is > 0 and <= 15 && !StartsAsDialogue(p.Text)
        && !p.Text.TrimEnd().EndsWith('.') && !p.Text.TrimEnd().EndsWith(',') && !p.Text.TrimEnd().EndsWith(':');

    /// <summary>An author talking to readers: first person together with words about the story, reviews or updates.</summary>
    public static bool IsChattyNote(Paragraph p) =>
        !StartsAsDialogue(p.Text) && Words(p.Text) <= 250 && FirstPerson().IsMatch(p.Text) && MetaTalk().IsMatch(p.Text);

    /// <summary>A closing request for reviews or thanks for reading.</summary>
    public static bool IsReviewPlea(Paragraph p) =>
        !StartsAsDialogue(p.Text) && Words(p.Text) <= 120 && ReviewPlea().IsMatch(p.Text);

    /// <summary>
    /// "The End", "~ Fin ~", "End of chapter", "To be continued…", "TBC" on a line of their own: structure, like a
    /// scene break, that AO3 readers expect outside the story. Only ever asked of a chapter's last paragraphs.
    /// </summary>
    public static bool IsEndMarker(Paragraph p) => p.IsSingleLine && !p.IsRule && !p.IsHeading && EndMarker().IsMatch(p.Text);

    /// <summary>A short single line, as an unlabelled summary is.</summary>
    public static bool CouldBeSummary(Paragraph p) =>
        p.IsSingleLine && !p.IsRule && Words(p.Text) is >= 4 and <= 80 && !StartsAsDialogue(p.Text);

    /// <summary>An attribution under an epigraph: "— Someone" or "-Someone, Book".</summary>
    public static bool IsAttribution(Paragraph p) =>
        p.IsSingleLine && Words(p.Text) <= 15 && Attribution().IsMatch(p.Text.Trim());

    public static bool StartsAsDialogue(string text) => text.TrimStart() is [ '"' or '“' or '\'' or '‘' or '«' or '「', ..];

    public static int Words(string text) => Text.WordCounter.CountText(text);

    /// <summary>FanFiction.Net and film ratings, and AO3's letters, as AO3 rating names.</summary>
    public static string? RatingName(string code) => code.Trim().TrimEnd('.').ToUpperInvariant() switch
    {
        "K" or "K+" or "G" or "PG" or "GEN" or "GENERAL" or "GENERAL AUDIENCES" => "General Audiences",
        "T" or "PG-13" or "TEEN" or "TEEN AND UP" or "TEEN AND UP AUDIENCES" => "Teen And Up Audiences",
        "M" or "R" or "MATURE" => "Mature",
        "MA" or "E" or "NC-17" or "X" or "EXPLICIT" => "Explicit",
        "NOT RATED" => "Not Rated",
        _ => null,
    };

    [GeneratedRegex(@"^(?:[*~\-_=#+•·°×◊◆◇♦♥♡❤❦§†✿❀☆★⁂∞|/\\<>^]\s*){3,}$|^[*~#§⁂❦✿❀☆★♦◆◇◊†•]$|^(?:[*~#§⁂❦✿❀☆★♦◆◇◊†•]\s*){1,2}$")]
    private static partial Regex SymbolRun();

    [GeneratedRegex(@"^(?=.{1,20}$)(?=.*[\p{P}\p{S}])[\p{P}\p{S}\s]*(?:[oOxX0][\p{P}\p{S}\s]*)?$")]
    private static partial Regex CentredSymbols();

    /// <summary>oOo, xXx, -x-x-, o0o0o and friends; three or more o/x with optional symbols between.</summary>
    [GeneratedRegex(@"^[\-~*=_. ]*(?:[oOxX0][\-~*=_. ]*){3,}$")]
    private static partial Regex OxRun();

    [GeneratedRegex(@"^\s*(?:chapter|chap|ch|part|prologue|epilogue|interlude)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NamedHeadingStart();

    [GeneratedRegex(@"^(?:(?:chapter|chap\.?|ch\.?|part)\s*(?<num>\d+|[IVXLC]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b|(?<named>prologue|epilogue|interlude)\b|(?-i:(?<num>[IVXLC]+))\.?(?=\s*$|\s*[:.\-–—]\s)|(?<num>\d{1,3})\.(?=\s*$))\s*(?:[:.\-–—]\s*(?<title>\S.{0,150}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex ChapterHeadingPattern();

    [GeneratedRegex(@"^\s*(?<label>summary|disclaimer|archive\s+warnings?|additional\s+tags|content\s+(?:notes?|warnings?)|trigger\s+warnings?|tw|warnings?|contents?|spoilers?(?:\s+warnings?)?|a/n|author['’]?s['’]?\s+notes?|an|notes?|rating|pairings?|relationships?|characters?|fandoms?|genres?|title|author|written\s+by|words?|word\s+count|category|categories|language|series|dedication|dedicated\s+to|written\s+(?:to|for))\s*(?:[:：]|\s-\s|–|—)\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^\s*(?:rated|rating)\s*:?\s*(?<code>K\+|K|T|MA|M|G|PG-13|PG|R|NC-17|E|X|Explicit|Mature|Teen(?: And Up(?: Audiences)?)?|General(?: Audiences)?)(?=$|[\s.,;:!)(])", RegexOptions.IgnoreCase)]
    private static partial Regex RatedPattern();

    [GeneratedRegex(@"\bno\s+(?:lemons?|limes?)(?:\s*(?:or|and|/|,)\s*(?:lemons?|limes?))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex NoLemons();

    [GeneratedRegex(@"^(?<label>by|written by|a story by)\s+(?<name>\S.{0,60})$", RegexOptions.IgnoreCase)]
    private static partial Regex BylinePattern();

    [GeneratedRegex(@"^(?<pairs>\p{Lu}[\p{L}.'-]*(?:\s\p{Lu}[\p{L}.'-]*)?\s*(?:\s[xX×]\s|/)\s*\p{Lu}[\p{L}.'-]*(?:\s\p{Lu}[\p{L}.'-]*)?(?:\s*[,;&]\s*\p{Lu}[\p{L}.'-]*(?:\s\p{Lu}[\p{L}.'-]*)?\s*(?:\s[xX×]\s|/)\s*\p{Lu}[\p{L}.'-]*(?:\s\p{Lu}[\p{L}.'-]*)?)*)$")]
    private static partial Regex PairingPattern();

    [GeneratedRegex(@"^\(?\s*(?<a>boy|girl|man|woman|male|female)\s*(?:x|/|×)\s*(?<b>boy|girl|man|woman|male|female)\s*\)?\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex GenderPairingPattern();

    [GeneratedRegex(@"\b(?:I|I'm|I’m|I've|I’ve|I'll|my|me|we|our)\b")]
    private static partial Regex FirstPerson();

    [GeneratedRegex(@"\b(?:story|stories|fic|fics|fanfic|fanfiction|chapter|chapters|reviews?|reviewers?|readers?|reading|enjoy|updat(?:e|es|ed|ing)|one-?shot|episodes?|OOC|out of character|lol|hey|hi|hello|disclaim|own|oc)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MetaTalk();

    [GeneratedRegex(@"\b(?:please\s+review|review\s*\?|review!|reviews?\s+(?:are|please|would)|R\s*&\s*R|R/R|read\s+and\s+review|thanks?\s+(?:you\s+)?for\s+reading|leave\s+a\s+(?:review|comment)|kudos|comments?\s+(?:are|please|would)|to\s+be\s+continued|TBC)\b|^\s*review\??\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ReviewPlea();

    [GeneratedRegex(@"^[\s\p{P}\p{S}]*(?:the\s+end|fin|owari|end\s+of\s+(?:the\s+)?(?:chapter|part|book|story|fic)(?:\s+(?:\d+|[IVXLC]+|one|two|three|four|five|six|seven|eight|nine|ten))?|to\s+be\s+continued|tbc|continued\s+in\s+(?:the\s+)?next\s+chapter)[\s\p{P}\p{S}]*$", RegexOptions.IgnoreCase)]
    private static partial Regex EndMarker();

    [GeneratedRegex(@"^(?:[-–—~]+\s*)\p{L}")]
    private static partial Regex Attribution();
}
