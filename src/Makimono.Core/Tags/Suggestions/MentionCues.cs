namespace Makimono.Tags.Suggestions;

/// <summary>What the words around one mention of a capitalised word say about it being a person.</summary>
[Flags]
internal enum MentionCue
{
    None = 0,

    /// <summary>A verb of speech or action follows ("Ilse said", "Dax whooped", "Fitch sends"), or ", who".</summary>
    Acts = 1,

    /// <summary>
    /// The mention names a person by its form: a title before it ("Mrs. Baek", "Captain Ng", "Lady Ashcombe"),
    /// an honorific ("Genzo-san"), a speech verb before it ("said Beatrix"), "named Rue", direct address in
    /// mid-sentence ("Wait, Ilse."), a letter's "Dear Win," or its signature line.
    /// </summary>
    Named = 2,

    /// <summary>Direct address opening a quotation ("“Ilse, wait”"): like <see cref="Acts"/>, since interjections open quotations too.</summary>
    Addressed = 4,

    /// <summary>
    /// A title before the mention ("Lord Ashby", "Mrs. Baek"): a person, but as often one only talked about ("Lord
    /// Ashby's mother remarked") as one who takes part, so weaker than <see cref="Named"/>.
    /// </summary>
    Titled = 8,

    /// <summary>Direct address in mid-sentence ("“Go ahead, Lev.”"), also <see cref="Named"/>.</summary>
    Vocative = 16,
}

/// <summary>
/// The cues <see cref="NameFinder"/> reads around each mention. They let a name the archive does not know be
/// suggested at one or two mentions when the words around it say it is a person, in any tense or person of
/// narration and in letters; a capitalised word with no such cue still needs several mentions.
/// </summary>
internal static class MentionCues
{
    /// <summary>Titles written before a name: modern, military, Regency and family ones.</summary>
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Mx", "Miss", "Dr", "Sir", "Dame", "Lady", "Lord", "Madam", "Madame", "Mister", "Master", "Mistress",
        "Captain", "Capt", "Professor", "Prof", "Doctor", "Commander", "Sergeant", "Sgt", "Lieutenant", "Lt", "Inspector",
        "Detective", "DI", "DS", "DCI", "Constable", "Officer", "Agent", "Admiral", "Colonel", "Col", "Major", "General",
        "Ensign", "Private", "Corporal", "King", "Queen", "Prince", "Princess", "Duke", "Duchess", "Earl", "Count", "Countess",
        "Baron", "Baroness", "Viscount", "Marquess", "Aunt", "Auntie", "Uncle", "Cousin", "Grandma", "Grandpa", "Granny",
        "Nurse", "Coach", "Judge", "Senator", "Reverend", "Rev", "Father", "Brother", "Sister", "Elder", "Herr", "Frau",
        "Fräulein", "Monsieur", "Mademoiselle", "Señor", "Señora", "Signor", "Signora",
    };

    /// <summary>Abbreviated titles and initials end in a full stop that does not end the sentence ("Mrs. Baek").</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Mx", "Dr", "St", "Capt", "Prof", "Sgt", "Lt", "Col", "Gen", "Rev", "Hon", "Jr", "Sr", "Fr",
    };

    /// <summary>Words before a name that introduce the person speaking or being named.</summary>
    private static readonly HashSet<string> NamingWordsBefore = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "asked", "asks", "replied", "replies", "answered", "whispered", "murmured", "muttered", "shouted",
        "yelled", "added", "snapped", "cried", "continued", "admitted", "agreed", "named", "Dear",
    };

    /// <summary>Verbs of speech, gesture and action a person does, in the base form; "-s" and "-ed" forms follow from them.</summary>
    private static readonly string[] RegularVerbs =
    [
        "ask", "answer", "whisper", "murmur", "mutter", "shout", "call", "yell", "nod", "smile", "laugh", "sigh", "grin",
        "frown", "shrug", "snort", "wince", "blink", "glance", "look", "turn", "stare", "reach", "lean", "hum", "swallow",
        "pause", "hesitate", "add", "reply", "cry", "walk", "want", "pull", "push", "open", "close", "watch", "wait", "step",
        "pick", "hand", "kiss", "hug", "touch", "help", "start", "stop", "talk", "whoop", "cheer", "grunt", "scowl", "wave",
        "point", "jump", "climb", "pretend", "decide", "insist", "explain", "agree", "refuse", "return", "arrive", "appear",
        "enter", "work", "sign", "sulk", "groan", "gasp", "growl", "snap", "tap", "pat", "hold", "love", "hate", "like",
        "need", "try", "promise", "remember", "listen", "visit", "carry", "drop", "pour", "rush", "hurry", "stay", "play",
        "knock", "sniff", "squeeze", "grab", "frown", "chuckle", "giggle", "snicker", "mumble", "stammer", "sob", "weep",
    ];

    /// <summary>Irregular past and present forms of the same kind of verbs.</summary>
    private static readonly HashSet<string> IrregularVerbs = new(StringComparer.Ordinal)
    {
        "said", "says", "sat", "sits", "stood", "stands", "took", "takes", "put", "puts", "went", "goes", "came", "comes",
        "ran", "runs", "gave", "gives", "made", "makes", "held", "holds", "felt", "feels", "knew", "knows", "thought",
        "thinks", "saw", "sees", "got", "gets", "let", "lets", "left", "leaves", "kept", "keeps", "began", "begins", "told",
        "tells", "brought", "brings", "caught", "catches", "threw", "throws", "wore", "wears", "heard", "hears", "found",
        "finds", "spoke", "speaks", "wrote", "writes", "drew", "draws", "drank", "drinks", "ate", "eats", "rose", "rises",
        "fell", "falls", "woke", "wakes", "slept", "sleeps", "shook", "shakes", "swore", "swears", "lay", "lies", "led",
        "leads", "met", "meets", "sent", "sends", "sang", "sings", "won", "wins", "lost", "loses", "did", "does", "blew",
        "blows", "bit", "bites", "hid", "hides", "flew", "flies", "swung", "swings", "stole", "steals", "struck", "strikes",
        "taught", "teaches", "bought", "buys", "sold", "sells", "paid", "pays", "read", "reads", "led", "fought", "fights",
        // ", who" follows people; places take "which" or "where".
        "who",
    };

    private static readonly HashSet<string> ActionVerbs = BuildActionVerbs();

    /// <summary>Auxiliaries before a verb: "had said", "was running", "would go".</summary>
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "had", "has", "was", "is", "would", "could", "will", "should", "might", "must", "did", "does", "can", "had", "just",
    };

    /// <summary>
    /// Parts of the body, and the voice: what a person has in a scene ("Dragomirov's voice", "Ren's hand"); a place
    /// or a thing seldom does.
    /// </summary>
    private static readonly HashSet<string> BodyParts = new(StringComparer.Ordinal)
    {
        "voice", "hand", "hands", "eyes", "eye", "face", "head", "mouth", "lips", "jaw", "shoulder", "shoulders", "arm",
        "arms", "fingers", "finger", "hair", "gaze", "smile", "grin", "frown", "expression", "brow", "forehead", "cheek",
        "cheeks", "chin", "neck", "back", "chest", "knees", "knee", "feet", "foot", "legs", "leg", "wrist", "wrists", "palm",
        "fist", "breath", "laugh", "laughter", "footsteps", "glance", "attention", "ear", "ears", "nose", "throat",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AuxiliariesBySpan = Auxiliaries.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BodyPartsBySpan = BodyParts.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ActionVerbsBySpan = ActionVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TitlesBySpan = Titles.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationsBySpan = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NamingWordsBySpan = NamingWordsBefore.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Title words (also never names on their own).</summary>
    public static bool IsTitle(string word) => Titles.Contains(word);

    private static HashSet<string> BuildActionVerbs()
    {
        var verbs = new HashSet<string>(IrregularVerbs, StringComparer.Ordinal);
        foreach (var verb in RegularVerbs)
        {
            verbs.Add(verb.EndsWith('y') ? verb[..^1] + "ies" : verb.EndsWith('h') || verb.EndsWith('s') ? verb + "es" : verb + "s");
            verbs.Add(verb.EndsWith('e') ? verb + "d" : verb.EndsWith('y') && verb != "stay" && verb != "play" ? verb[..^1] + "ied" : verb + "ed");
            // Short verbs double their last consonant: "nodded", "stopped", "snapped".
            if (verb.Length <= 4 && !verb.EndsWith('e') && !verb.EndsWith('y') && verb[^2] is 'a' or 'e' or 'i' or 'o' or 'u')
            {
                verbs.Add(verb + verb[^1] + "ed");
            }
        }
        return verbs;
    }

    /// <summary>The cues of the mention at <paramref name="start"/>..<paramref name="end"/> in <paramref name="text"/>.</summary>
    public static MentionCue Of(string text, int start, int end)
    {
        var cues = MentionCue.None;
        var next = NextWordInSentence(text, end, out var nextEnd);
        if (ActionVerbsBySpan.Contains(next) || IsRegularPast(next) || ActsThroughAuxiliary(text, next, nextEnd)
            || (IsPossessive(text, end) && BodyPartsBySpan.Contains(next)) || IsParticipleAside(text, end, next, nextEnd))
        {
            // "“Dae-hyun heard the directors talking,” she said": what a name does inside someone's speech is
            // reported, not seen; the person may be nowhere near the scene.
            if (!InsideQuotation(text, start))
            {
                cues |= MentionCue.Acts;
            }
        }
        var previous = PreviousWord(text, start, out var endsSentence, out var previousStart);
        // "Count de la Fère", "Herr von Albrecht": a title stands before the particles.
        for (var particles = 0; particles < 2 && IsParticle(previous) && !endsSentence; particles++)
        {
            previous = PreviousWord(text, previousStart, out endsSentence, out previousStart);
        }
        if (HasHonorific(text.AsSpan(start, end - start)) || (!endsSentence && NamingWordsBySpan.Contains(previous))
            || (!endsSentence && previous is "is" && PreviousWord(text, previousStart, out _, out _) is "name")
            || IsMidSentenceAddress(text, start, end) || IsSignature(text, start, end))
        {
            cues |= MentionCue.Named;
        }
        if (IsMidSentenceAddress(text, start, end))
        {
            cues |= MentionCue.Vocative;
        }
        if (!endsSentence && TitlesBySpan.Contains(previous))
        {
            cues |= MentionCue.Titled;
        }
        if (IsOpeningAddress(text, start, end))
        {
            cues |= MentionCue.Addressed;
        }
        return cues;
    }

    /// <summary>
    /// The word after a mention, past spaces and a comma ("Ilse, who") but not past a quote: in "“Imre,” said Pell"
    /// the verb is Pell's.
    /// </summary>
    private static ReadOnlySpan<char> NextWordInSentence(string text, int index, out int end)
    {
        var start = index;
        while (start < text.Length && text[start] is ' ' or ',')
        {
            start++;
        }
        end = start;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }
        return text.AsSpan(start, end - start);
    }

    /// <summary>"Mrs. Dunmore had said", "Ren was running": an auxiliary, then a verb a person does.</summary>
    private static bool ActsThroughAuxiliary(string text, ReadOnlySpan<char> next, int nextEnd)
    {
        if (!AuxiliariesBySpan.Contains(next))
        {
            return false;
        }
        var verb = NextWordInSentence(text, nextEnd, out _);
        return ActionVerbsBySpan.Contains(verb) || IsRegularPast(verb) || IsParticiple(verb);
    }

    /// <summary>"Dragomirov's voice", "Ren's hand": the mention ends in a possessive.</summary>
    private static bool IsPossessive(string text, int end) =>
        end >= 2 && ((text[end - 1] == 's' && text[end - 2] is '\'' or '’') || (text[end - 1] is '\'' or '’' && text[end - 2] == 's'));

    /// <summary>
    /// "Wilhelmina Sorrel, watching from the steps": a comma, then a present participle that goes on ("Security,
    /// engineering, and…" is a list).
    /// </summary>
    private static bool IsParticipleAside(string text, int end, ReadOnlySpan<char> next, int nextEnd) =>
        end < text.Length && text[end] == ',' && IsParticiple(next) && nextEnd < text.Length && text[nextEnd] == ' ';

    private static bool IsParticiple(ReadOnlySpan<char> word) =>
        word.Length >= 6 && char.IsLower(word[0]) && word.EndsWith("ing", StringComparison.Ordinal)
        && !word.SequenceEqual("during") && !word.EndsWith("thing", StringComparison.Ordinal);

    /// <summary>True when the full stop before <paramref name="index"/> ends an abbreviated title or an initial, not a sentence.</summary>
    public static bool AfterAbbreviation(string text, int stop)
    {
        var start = stop;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }
        var word = text.AsSpan(start, stop - start);
        return (word.Length == 1 && char.IsUpper(word[0])) || AbbreviationsBySpan.Contains(word);
    }

    /// <summary>
    /// The word before <paramref name="index"/>, past spaces and a full stop; <paramref name="endsSentence"/> when
    /// that full stop ends a sentence rather than an abbreviated title ("Mrs. Baek").
    /// </summary>
    private static bool IsParticle(ReadOnlySpan<char> word) => word.Length is > 1 and < 5 && char.IsLower(word[0]) && NameFinder.IsNameParticle(word);

    private static ReadOnlySpan<char> PreviousWord(string text, int index, out bool endsSentence, out int start)
    {
        var end = index;
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }
        endsSentence = false;
        if (end > 0 && text[end - 1] == '.')
        {
            endsSentence = !AfterAbbreviation(text, end - 1);
            end--;
        }
        start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }
        return text.AsSpan(start, end - start);
    }

    /// <summary>"watched", "whooped", "pretended": a lower-case word of five letters or more ending in "ed".</summary>
    private static bool IsRegularPast(ReadOnlySpan<char> word) =>
        word.Length >= 5 && char.IsLower(word[0]) && word.EndsWith("ed", StringComparison.Ordinal);

    private static bool HasHonorific(ReadOnlySpan<char> word)
    {
        foreach (var honorific in Names.NameParts.Honorifics)
        {
            if (word.Length > honorific.Length && word.EndsWith(honorific, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsQuote(char c) => c is '"' or '“' or '”';

    /// <summary>"…, Ilse." / "…, Ilse!" inside a quotation: a comma before, and a stop and a closing quote after.</summary>
    private static bool IsMidSentenceAddress(string text, int start, int end)
    {
        var before = start - 1;
        while (before >= 0 && text[before] == ' ')
        {
            before--;
        }
        if (before < 0 || text[before] != ',' || end + 1 >= text.Length)
        {
            return false;
        }
        return text[end] is '.' or '!' or '?' or ',' && IsQuote(text[end + 1]);
    }

    /// <summary>
    /// "“Ilse, wait.”", "“No, your left. Marigold, your other left.”", "“And Karimi—get some sleep.”", "“Karimi.”": the
    /// name opens a quotation, or a sentence inside one, and a comma, "!", "?" or a dash follows; or it is the
    /// whole quotation.
    /// </summary>
    private static bool IsOpeningAddress(string text, int start, int end)
    {
        if (start == 0 || end >= text.Length)
        {
            return false;
        }
        var opensQuotation = text[start - 1] is '"' or '“';
        if (opensQuotation && end + 1 < text.Length && text[end] is '.' or '!' or '?' && IsQuote(text[end + 1]))
        {
            return true;
        }
        if (text[end] is not (',' or '!' or '?' or '—'))
        {
            return false;
        }
        return opensQuotation || (InsideQuotation(text, start) && (NameFinder.StartsSentence(text, start) || PreviousIsAnd(text, start)));
    }

    /// <summary>"“And Karimi—": "And" opening the quotation before the name.</summary>
    private static bool PreviousIsAnd(string text, int start) =>
        PreviousWord(text, start, out _, out var previousStart) is "And" && previousStart > 0 && text[previousStart - 1] is '"' or '“';

    /// <summary>How far back a quotation is looked for: a text without line breaks must not be read again at every mention.</summary>
    private const int QuotationReach = 2000;

    /// <summary>True when a quotation opened earlier in the paragraph is still open at <paramref name="index"/>.</summary>
    internal static bool InsideQuotation(string text, int index)
    {
        var from = Math.Max(0, index - QuotationReach);
        var paragraph = index == 0 ? 0 : Math.Max(from, text.LastIndexOf('\n', index - 1, index - from) + 1);
        var open = false;
        for (var i = paragraph; i < index; i++)
        {
            if (text[i] == '“')
            {
                open = true;
            }
            else if (text[i] == '”')
            {
                open = false;
            }
            else if (text[i] == '"')
            {
                open = !open;
            }
        }
        return open;
    }

    /// <summary>A letter's signature: the name alone on its line, under a line that ends in a comma ("Your loving brother,").</summary>
    private static bool IsSignature(string text, int start, int end)
    {
        if (start == 0 || text[start - 1] != '\n')
        {
            return false;
        }
        var lineEnd = text.IndexOf('\n', end);
        var rest = text.AsSpan(end, (lineEnd < 0 ? text.Length : lineEnd) - end).Trim();
        if (rest.Length > 0 && !(rest.Length > 1 && char.IsUpper(rest[0]) && rest.IndexOf(' ') < 0))
        {
            return false;
        }
        var previous = text.AsSpan(0, start - 1).TrimEnd();
        return previous.Length > 0 && previous[^1] == ',' && text.AsSpan(previous.Length, start - previous.Length).Count('\n') == 1;
    }
}
