using Makimono.Tags.Names;

namespace Makimono.Tags.Suggestions;

/// <summary>A proper name found in a text, with what the words around it said about it.</summary>
/// <param name="Before">The name most often written just before this one ("Ansel" before "Brae"): a full name's first part.</param>
/// <param name="After">The name most often written just after this one ("Brae" after "Ansel").</param>
/// <param name="PersonCues">Mentions followed by a verb of speech or gesture ("Mira said", "Mira nodded").</param>
/// <param name="PlaceCues">Mentions after "in", "to", "from", "at", "the"…, or before "Village", "Academy"…: places and things.</param>
/// <param name="Sure">
/// Enough evidence to suggest the name as a new character: three mentions or more, or fewer with a cue that
/// says it is a person (see <see cref="NameFinder.SureAtFewMentions"/>).
/// </param>
/// <param name="Weak">
/// Suggested on a title or a full name alone, at one or two mentions: a person, but maybe one only talked about
/// (see <see cref="NameFinder.TakesPart"/>).
/// </param>
internal sealed record FoundName(string Name, int Mentions, string? Before, int BeforeCount, string? After, int AfterCount, int PersonCues, int PlaceCues, bool Sure = true, bool Weak = false);

/// <summary>
/// Proper names without a fandom list (<see cref="KnownNames"/> reads the archive's): capitalised words that
/// also appear capitalised in mid-sentence and never in lower case, or that show more evidence (see
/// <see cref="EnoughEvidence"/>), with honorifics ("-sama", "-sensei") and possessives taken off. Places ("in
/// Konoha", "Hogwarts Castle"), days, months, titles, pronouns, interjections, contractions and page chrome are
/// left out. One pass over the words.
/// </summary>
internal static partial class NameFinder
{
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "I", "I'm", "I'd", "I'll", "I've", "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lady", "Lord", "OK", "Ok", "God", "Gods",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Christmas", "Easter", "Halloween", "English", "French", "German", "Japanese", "Spanish",
        "Chapter", "Sensei", "Oh", "Ah", "Um", "Uh", "Hmm", "Huh", "Wow", "Ugh", "Yeah", "Nope", "Alright", "Maybe",
        "Yes", "No", "Hey", "Hi", "Thank", "Thanks", "Please", "Sorry", "Okay", "Well", "Fine", "Sure", "Wait", "Look", "Come",
        "Mom", "Mum", "Dad", "Mother", "Father", "Mama", "Mamma", "Mommy", "Mummy", "Papa", "Daddy", "Ma", "Pa", "Nana",
        "Grandmother", "Grandfather", "Grandad", "Granddad", "Grandmama", "Grandpapa", "Grandma", "Grandpa", "Aunt", "Uncle", "Brother", "Sister",
        "Captain", "Professor", "Master", "Doctor", "Commander", "Sergeant", "Lieutenant", "King", "Queen", "Prince", "Princess",
        // Words that mostly open sentences, which the sentence-start rule below would otherwise have to weigh.
        "Everyone", "Everybody", "Everything", "Nobody", "Nothing", "Someone", "Somebody", "Something", "Anyone", "Anything",
        "Meanwhile", "Suddenly", "Perhaps", "Afterwards", "Instead", "Somehow", "Finally", "Eventually", "Tomorrow", "Tonight",
        "Yesterday", "Today", "Together", "Neither", "Either", "Whatever", "Whoever", "Silence",
        // Pronouns and function words: a short story may never write them in lower case.
        "He", "She", "It", "We", "You", "They", "Him", "Her", "Us", "Them", "Me", "My", "His", "Its", "Our", "Your",
        "Their", "Mine", "Yours", "The", "This", "That", "These", "Those", "There", "Here", "What", "When", "Where", "Why",
        "How", "Who", "Which", "And", "But", "Or", "So", "Then", "If", "As", "At", "In", "On", "Of", "To", "For", "With",
        "Not", "All", "Some", "None", "One", "Two", "Three", "Every", "Each", "Both", "Just", "Only", "Even", "Still",
        "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Hundred", "Thousand",
        // Epithets, greetings and oaths: they stand before names or alone, and are not names themselves.
        "Old", "Young", "Little", "Big", "Poor", "Dear", "Dearest", "Hello", "Goodbye", "Goodnight", "Good", "Right",
        "Damn", "Hell", "Shit", "Fuck", "Mister", "Madam", "Madame", "Ma'am", "Dame", "Mistress", "Inspector", "Detective",
        "Officer", "Agent", "Admiral", "Colonel", "General", "Duke", "Duchess", "Earl", "Count", "Countess", "Baron", "Baroness",
        "Auntie", "Cousin", "Granny", "Nurse", "Coach", "Reverend", "Herr", "Frau", "Fräulein", "Monsieur", "Mademoiselle",
        "Señor", "Señora", "Signor", "Signora",
    };

    /// <summary>
    /// The words of a saved page's chrome ("Comments", "Kudos", "Bookmark"…): a page read without its site's reader
    /// repeats them at every chapter, capitalised, and they are never characters.
    /// </summary>
    private static readonly HashSet<string> PageChrome = new(StringComparer.OrdinalIgnoreCase)
    {
        "Comment", "Comments", "Kudos", "Bookmark", "Bookmarks", "Bookmarked", "Subscribe", "Subscriptions", "Share", "Reply",
        "Replies", "Login", "Logout", "Log", "Sign", "Menu", "Search", "Home", "Follow", "Favorite", "Favourite", "Favorites",
        "Favourites", "Review", "Reviews", "Chapters", "Summary", "Notes", "Tags", "Rating", "Rated", "Warnings", "Fandom",
        "Fandoms", "Category", "Categories", "Characters", "Relationships", "Words", "Hits", "Published", "Updated",
        "Completed", "Complete", "Language", "Series", "Previous", "Next", "Top", "Download", "Author", "Authors", "Report",
        "Edit", "Delete", "Post", "Submit", "Work", "Works", "Collections", "Stats", "Status", "Genre", "Archive",
        "Inbox", "Profile", "Dashboard", "Settings", "Preferences", "Skins", "Help", "Contact", "Privacy", "Terms",
        "Anonymous", "Guest", "Tweet", "Facebook", "Tumblr", "Reddit", "Pinterest", "Twitter",
    };

    /// <summary>What follows the apostrophe of a contraction ("I’m", "we'll", "don't", "could've"): never part of a name.</summary>
    private static readonly HashSet<string> ContractionEndings = new(StringComparer.OrdinalIgnoreCase) { "m", "ve", "ll", "d", "re", "t", "s" };

    private static readonly HashSet<string> NotPersonBefore = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "to", "from", "at", "into", "toward", "towards", "near", "through", "across", "outside", "inside",
        "above", "below", "beneath", "along", "beyond", "onto", "within", "throughout", "via",
        // "the Gull", "the Morrow Company", "a Ford Fiesta": a person's name seldom follows an article; a ship's,
        // a firm's or a brand's does.
        "the", "a", "an",
        // "into his Coke", "their Ford": a possessive determiner before a capitalised word marks a thing one has.
        // ("my", "your" and "our" are left out: "Your Clara" signs a letter.)
        "his", "its", "their",
    };

    private static readonly HashSet<string> PlaceWords = new(StringComparer.Ordinal)
    {
        "Village", "City", "Town", "Academy", "Castle", "Forest", "Woods", "Street", "Road", "Station", "School", "Harbour",
        "Harbor", "Bay", "River", "Lake", "Mountain", "Mountains", "Hall", "Inn", "Market", "Bridge", "Tower", "Palace",
        "Temple", "Island", "Sea", "Valley", "Gate", "Gates", "Square", "Park", "Port", "Keep", "Manor",
        "Lane", "Avenue", "Court", "Hill", "Point", "Cove", "Shrine", "Church", "Chapel", "Cathedral", "Hospital", "Colony",
        "College", "University", "Library", "Museum", "Theatre", "Theater", "Prison", "House", "Estate", "Abbey", "Quay",
        // Firms and bodies: "the Morrow Company", "the Allotment Society".
        "Company", "Society", "Guild", "Council", "Committee", "Club", "Union", "Agency", "Bureau", "Department", "Ministry",
        "Office", "Bank", "Corporation", "Corps", "Brigade", "Regiment", "Order", "Clan", "Federation", "Alliance", "Fleet",
        "Sound", "Strait", "Straits", "Channel", "Firth", "Loch", "Fjord", "Cape", "Ridge", "Pass", "Falls", "Heights", "Moor",
    };

    /// <summary>
    /// Endings that make a word a place whatever the words around it: hidden villages ("Kirigakure"), shires,
    /// boroughs, cities. Endings people's names share ("-ton": Ashton, "-ville": Neville, "-ford", "-land") are left out.
    /// </summary>
    private static readonly string[] PlaceEndings = ["gakure", "shire", "burgh", "borough", "polis", "stadt"];

    /// <summary>"the village of Tallow", "the Land of Rivers": a name after "of" and one of these is a place.</summary>
    private static readonly HashSet<string> PlaceNounsBeforeOf = new(StringComparer.OrdinalIgnoreCase)
    {
        "village", "villages", "town", "city", "country", "land", "lands", "kingdom", "empire", "province", "realm",
        "capital", "streets", "gates", "walls", "outskirts", "borders", "border", "ruins", "island", "isle", "port", "whole",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceNounsBeforeOfBySpan =
        PlaceNounsBeforeOf.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> PersonVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "asked", "asks", "replied", "answered", "whispered", "murmured", "muttered", "shouted", "called",
        "yelled", "nodded", "smiled", "laughed", "sighed", "grinned", "frowned", "shrugged", "snorted", "winced", "blinked",
        "glanced", "looked", "turned", "stared", "reached", "leaned", "hummed", "swallowed", "paused", "hesitated", "added",
    };

    private static readonly string[] Possessives = ["'s", "'"];

    private const int RecentLowerCaseSlots = 1024;

    /// <summary>Names with their mention counts, most mentioned first.</summary>
    public static List<FoundName> Find(string text, int minimumMentions = 3)
    {
        var mentions = new Dictionary<string, int>(StringComparer.Ordinal);
        var midSentence = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowerCase = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var placeCues = new Dictionary<string, int>(StringComparer.Ordinal);
        var personCues = new Dictionary<string, int>(StringComparer.Ordinal);
        var cues = new Dictionary<string, Cues>(StringComparer.Ordinal);
        var pairs = new Dictionary<(string First, string Second), int>();
        var midSentencePairs = new HashSet<(string First, string Second)>();
        // Words are looked up as spans: a 10 MB story has two million words, and a string and a Match for
        // each of them were most of the import's time. A string is made only for a word not seen before.
        var mentionsBySpan = mentions.GetAlternateLookup<ReadOnlySpan<char>>();
        var lowerCaseBySpan = lowerCase.GetAlternateLookup<ReadOnlySpan<char>>();
        var notPersonBefore = NotPersonBefore.GetAlternateLookup<ReadOnlySpan<char>>();
        var placeWords = PlaceWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var personVerbs = PersonVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
        var particles = NameParticles.GetAlternateLookup<ReadOnlySpan<char>>();
        var recentLowerCase = new string?[RecentLowerCaseSlots];
        string? previousName = null;
        var previousEnd = -2;
        var previousMidSentence = false;
        var previousPlaceCue = false;
        var previousPossessive = false;
        var headings = new HeadingLines(text);
        for (var position = 0; NameWords.Next(text, ref position, out var index);)
        {
            var word = Clean(text.AsSpan(index, position - index));
            if (word.Length < 2)
            {
                continue;
            }
            if (!char.IsUpper(word[0]))
            {
                // "Ludwig von Stein", "Rhys ap Gruffydd": a particle between two capitalised words keeps them one name.
                if (previousName is not null && index == previousEnd + 1 && text[previousEnd] == ' ' && particles.Contains(word))
                {
                    previousEnd = position;
                    continue;
                }
                // Most lower-case words are a few common ones said again and again: a small cache of recent
                // ones saves hashing each into the set again.
                var slot = (word.Length * 31 + word[0] * 7 + word[^1]) & (RecentLowerCaseSlots - 1);
                if (recentLowerCase[slot] is not { } recent || !word.SequenceEqual(recent))
                {
                    if (!lowerCaseBySpan.TryGetValue(word, out var known))
                    {
                        known = word.ToString();
                        lowerCase.Add(known);
                    }
                    recentLowerCase[slot] = known;
                }
                continue;
            }
            if (IsShouted(word) || IsContraction(word))
            {
                // Shouted words ("REALLY") are emphasis, not names.
                continue;
            }
            if (!mentionsBySpan.TryGetValue(word, out var key, out var count))
            {
                key = word.ToString();
            }
            mentions[key] = count + 1;
            var next = NextWord(text, position);
            var adjacent = previousName is not null && index == previousEnd + 1 && text[previousEnd] == ' ';
            var placeCue = (notPersonBefore.Contains(PreviousWord(text, index, out var previousStart)) && !AfterVerbTowardAPerson(text, previousStart))
                || placeWords.Contains(next) || AfterPlaceNounOf(text, previousStart)
                // "from Harrow Cross", "the Orchard Kingdoms": the cue before a two-word name is the second word's too.
                || (adjacent && previousPlaceCue && !NotNames.Contains(previousName!))
                // "above Fifth and Lomax", "in Suna or Kiri": a place cue carries over "and" and "or" to the next name.
                || (previousPlaceCue && previousName is not null && IsCoordinated(text, previousEnd, index));
            if (placeCue)
            {
                placeCues[key] = placeCues.GetValueOrDefault(key) + 1;
            }
            if (personVerbs.Contains(next))
            {
                personCues[key] = personCues.GetValueOrDefault(key) + 1;
            }
            var cue = MentionCues.Of(text, index, position);
            if (cue != MentionCue.None)
            {
                cues[key] = cues.GetValueOrDefault(key).With(cue);
            }
            var startsSentence = StartsSentence(text, index) || headings.InHeading(index);
            if (!startsSentence)
            {
                midSentence[key] = midSentence.GetValueOrDefault(key) + 1;
            }
            // "Ansel Brae": two capitalised words with one space between are likely one person's two names.
            // "Castellan's Books": a possessive and the noun it owns are not one person's two names.
            if (adjacent && !previousPossessive && !NotNames.Contains(previousName!) && !NotNames.Contains(key))
            {
                pairs[(previousName!, key)] = pairs.GetValueOrDefault((previousName!, key)) + 1;
                if (previousMidSentence)
                {
                    midSentencePairs.Add((previousName!, key));
                }
            }
            previousName = key;
            previousEnd = position;
            previousMidSentence = !startsSentence;
            previousPlaceCue = placeCue;
            previousPossessive = word.Length < position - index && text[position - 1] is 's' or '\'' or '’' && text[position - 2] is '\'' or '’' or 's';
        }
        var before = pairs.GroupBy(p => p.Key.Second)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Value).ThenBy(p => p.Key.First, StringComparer.Ordinal).First());
        var after = pairs.GroupBy(p => p.Key.First)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Second, StringComparer.Ordinal).First());
        bool Candidate(string word) => !NotNames.Contains(word) && !PageChrome.Contains(word) && !HasPlaceEnding(word) && !lowerCase.Contains(word);
        // "Elias Carrow" in mid-sentence, both words never written in lower case: a full name, a person at one mention.
        var fullNames = midSentencePairs.Where(p => Candidate(p.First) && Candidate(p.Second) && !PlaceWords.Contains(p.Second))
            .SelectMany(p => new[] { p.First, p.Second }).ToHashSet(StringComparer.Ordinal);
        // "Miss Farrow raised the matter… Ottilie is of the opinion": what one half of a full name does, the person does.
        bool TakesPartOf(string? name) => name is not null && TakesPart(midSentence.GetValueOrDefault(name), cues.GetValueOrDefault(name));
        var found = new List<FoundName>();
        foreach (var (name, count) in mentions)
        {
            if (count < minimumMentions || NotNames.Contains(name) || PageChrome.Contains(name) || HasPlaceEnding(name))
            {
                continue;
            }
            var mid = midSentence.GetValueOrDefault(name);
            var alsoLowerCase = lowerCase.Contains(name);
            var cue = cues.GetValueOrDefault(name);
            var acts = personCues.GetValueOrDefault(name) + cue.Acts;
            var named = cue.Named + cue.Titled;
            var enough = EnoughEvidence(count, mid, alsoLowerCase, acts + named);
            var places = placeCues.GetValueOrDefault(name);
            // A place or a ship acts in narration too ("Kumogiri burned", "the Kestrel docked"): at few mentions,
            // any place cue outweighs acting, and only a cue that names a person counts against it.
            var sure = (count >= NewCharacterMentions && enough)
                || (!alsoLowerCase && !PlaceWords.Contains(name) && (places == 0 || named > places) && SureAtFewMentions(mid, cue, fullNames.Contains(name)));
            // "in Suna", "to Konoha", "Hogwarts Castle": a name found mostly in place cues, and seldom speaking, is a place.
            if ((!enough && !sure) || IsPlace(places, personCues.GetValueOrDefault(name) + named + cue.Addressed, count))
            {
                continue;
            }
            found.Add(new FoundName(name, count,
                before.TryGetValue(name, out var b) ? b.Key.First : null, b.Value,
                after.TryGetValue(name, out var a) ? a.Key.Second : null, a.Value,
                Math.Max(personCues.GetValueOrDefault(name), cue.Acts) + named + cue.Addressed + (fullNames.Contains(name) ? 1 : 0), places, sure,
                Weak: (count < NewCharacterMentions && !TakesPartOf(name) && !TakesPartOf(b.Key.First) && !TakesPartOf(a.Key.Second))
                    || OnlyCalledOnce(count, cue, fullNames.Contains(name))));
        }
        return found.OrderByDescending(n => n.Mentions).ThenBy(n => n.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Titles, interjections, days, contractions and page chrome: capitalised, but never a character.</summary>
    internal static bool IsNeverAName(string word) => NotNames.Contains(word) || PageChrome.Contains(word) || IsContraction(word);

    /// <summary>Mentions, all at sentence starts, that make a word a name when it also acts or speaks.</summary>
    private const int SentenceStartMentions = 4;

    /// <summary>From this many mentions, the general evidence rule (<see cref="EnoughEvidence"/>) is enough to suggest a name.</summary>
    internal const int NewCharacterMentions = 3;

    /// <summary>
    /// A name written once or twice, never in lower case, is a person when a mention is named as one (a title, an
    /// honorific, "said Ilse", "named Rue", "Dear Win,", a signature, "…, Ilse."), when it is half of a full name in
    /// mid-sentence ("found Elias Carrow"), or when it acts in mid-sentence ("and Tobin turned"). A word that only
    /// opens sentences and acts ("Wardrobe pinned her") is not enough: narration opens sentences with things too.
    /// </summary>
    internal static bool SureAtFewMentions(int midSentence, Cues cues, bool fullName) =>
        TakesPart(midSentence, cues) || cues.Titled > 0 || fullName;

    /// <summary>
    /// Of the few-mention cues, the ones that show a person taking part in the scene: speaking or spoken to, named
    /// as one by a verb of speech, or acting in mid-sentence. A title or a full name alone shows a person, but
    /// people only talked about have those too ("Lord Ashby's mother remarked", "the victim, Kevin Marsh"), so such
    /// a name is suggested below <see cref="SuggestTags.Likely"/> (<see cref="FoundName.Weak"/>).
    /// </summary>
    internal static bool TakesPart(int midSentence, Cues cues) =>
        cues.Named > 0 || (midSentence > 0 && cues.Acts + cues.Addressed > 0) || (cues.Acts > 0 && cues.Addressed > 0);

    /// <summary>
    /// A name written once, only to call someone ("“Go ahead, Lev.”", "“Honestly, Hector.”"): a person who takes
    /// part, but most often one the narration names otherwise (the surname, a title), so a suggestion of its own
    /// would be a second one for the same character. Offered below <see cref="SuggestTags.Likely"/>.
    /// </summary>
    private static bool OnlyCalledOnce(int count, Cues cues, bool fullName) =>
        count == 1 && cues.Vocative == cues.Named && cues.Acts == 0 && cues.Addressed == 0 && cues.Titled == 0 && !fullName;

    /// <summary>How many mentions of a word carry each kind of <see cref="MentionCue"/>.</summary>
    internal readonly record struct Cues(int Acts, int Named, int Addressed, int Titled, int Vocative = 0)
    {
        public Cues With(MentionCue cue) => new(
            Acts + (cue.HasFlag(MentionCue.Acts) ? 1 : 0), Named + (cue.HasFlag(MentionCue.Named) ? 1 : 0),
            Addressed + (cue.HasFlag(MentionCue.Addressed) ? 1 : 0), Titled + (cue.HasFlag(MentionCue.Titled) ? 1 : 0),
            Vocative + (cue.HasFlag(MentionCue.Vocative) ? 1 : 0));
    }

    internal static bool IsNameParticle(ReadOnlySpan<char> word) => NameParticlesBySpan.Contains(word);


    /// <summary>Lower-case particles inside a name.</summary>
    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "von", "van", "der", "den", "de", "la", "le", "du", "da", "di", "del", "della", "ap", "bin", "ibn", "al", "zu", "ter", "ten", "dos", "das",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NameParticlesBySpan = NameParticles.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A capitalised word in mid-sentence that is never written in lower case is a name. One that only opens
    /// sentences ("Meanwhile", or "Jiraiya" in a story that always starts with him) is one only when it is said
    /// often and acts or speaks ("Jiraiya laughed"); one also written in lower case ("Will", "will") only when it
    /// is capitalised in mid-sentence several times and acts or speaks more than once.
    /// </summary>
    private static bool EnoughEvidence(int mentions, int midSentence, bool alsoLowerCase, int personCues) =>
        alsoLowerCase ? midSentence >= 3 && personCues >= 2
        : midSentence > 0 || (mentions >= SentenceStartMentions && personCues > 0) || (mentions >= NewCharacterMentions && personCues >= 2);

    /// <summary>"I'm", "Don't", "We'll", "Could've" (apostrophes already made ASCII): a contraction, not a name.</summary>
    private static bool IsContraction(ReadOnlySpan<char> word)
    {
        var apostrophe = word.LastIndexOf('\'');
        return apostrophe >= 0 && ContractionEndingsBySpan.Contains(word[(apostrophe + 1)..]);
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ContractionEndingsBySpan =
        ContractionEndings.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsPlace(int placeCues, int personCues, int mentions) => placeCues * 3 >= mentions && personCues < placeCues;

    private static bool HasPlaceEnding(string name)
    {
        foreach (var ending in PlaceEndings)
        {
            // The ending alone ("Shire") may be a name; "Hollowshire" is a place.
            if (name.Length > ending.Length + 2 && name.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when only " and " or " or " stands between the end of one name and the start of the next.</summary>
    private static bool IsCoordinated(string text, int previousEnd, int index)
    {
        var between = text.AsSpan(previousEnd, index - previousEnd);
        return between is " and " or " or ";
    }

    /// <summary>"looked at Rook", "said to Ren": verbs of looking and speaking take people after "at" and "to".</summary>
    private static readonly HashSet<string> VerbsTowardAPerson = new(StringComparer.OrdinalIgnoreCase)
    {
        "look", "looks", "looked", "looking", "glance", "glanced", "stare", "stared", "staring", "smile", "smiled", "grin",
        "grinned", "laugh", "laughed", "nod", "nodded", "wave", "waved", "wink", "winked", "point", "pointed", "frown",
        "frowned", "scowl", "scowled", "say", "said", "says", "speak", "spoke", "talk", "talked", "whisper", "whispered",
        "shout", "shouted", "yell", "yelled", "listen", "listened", "turn", "turned", "write", "wrote", "married", "next",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> VerbsTowardAPersonBySpan =
        VerbsTowardAPerson.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when the word before the preposition starting at <paramref name="prepositionStart"/> is a verb toward a person.</summary>
    private static bool AfterVerbTowardAPerson(string text, int prepositionStart) =>
        VerbsTowardAPersonBySpan.Contains(PreviousWord(text, prepositionStart, out _));

    /// <summary>True when the word ending before <paramref name="wordStart"/> is "of" and the one before it a place noun.</summary>
    private static bool AfterPlaceNounOf(string text, int wordStart)
    {
        var word = text.AsSpan(wordStart);
        if (word.Length < 2 || word[0] != 'o' || word[1] != 'f' || (word.Length > 2 && char.IsLetter(word[2])))
        {
            return false;
        }
        return PlaceNounsBeforeOfBySpan.Contains(PreviousWord(text, wordStart, out _));
    }

    private static ReadOnlySpan<char> PreviousWord(string text, int index, out int start)
    {
        var end = index;
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }
        start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }
        return text.AsSpan(start, end - start);
    }

    /// <summary>The word after a name, past a closing quote and a comma ("Mira," said) but not past a sentence end.</summary>
    private static ReadOnlySpan<char> NextWord(string text, int index)
    {
        var start = index;
        while (start < text.Length && text[start] is ' ' or ',' or '"' or '”')
        {
            start++;
        }
        var end = start;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }
        return text.AsSpan(start, end - start);
    }

    private static bool IsShouted(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c) && !char.IsUpper(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The word with typographic apostrophes as ASCII ones (an apostrophe is an apostrophe however it is typed),
    /// without a possessive, then without one honorific (each suffix checked once, in order).
    /// </summary>
    internal static ReadOnlySpan<char> Clean(ReadOnlySpan<char> word)
    {
        if (word.IndexOf('’') >= 0)
        {
            word = word.ToString().Replace('’', '\'');
        }
        // Every possessive ends in s or an apostrophe; most words end otherwise, and are looked at no further.
        if (word.Length > 0 && word[^1] is 's' or '\'')
        {
            foreach (var suffix in Possessives)
            {
                if (word.EndsWith(suffix, StringComparison.Ordinal))
                {
                    word = word[..^suffix.Length];
                }
            }
        }
        // Every honorific starts with a hyphen; most words have none.
        if (word.IndexOf('-') < 0)
        {
            return word;
        }
        foreach (var honorific in NameParts.Honorifics)
        {
            if (word.EndsWith(honorific, StringComparison.OrdinalIgnoreCase))
            {
                return word[..^honorific.Length];
            }
        }
        return word;
    }

    /// <summary>“ and ‘ always open a quotation; a straight quote does when it stands before a word, not after one.</summary>
    private static bool IsOpeningQuote(string text, int i) =>
        text[i] is '“' or '‘'
        || (text[i] is '"' or '\'' && (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '—' or '-')
            && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]));

    /// <summary>A word starts a sentence after ., ! or ?, at the opening of a quotation, or at a line start.</summary>
    internal static bool StartsSentence(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && (text[i] is ' ' or '\t' or '"' or '“' or '\'' or '‘' or '(' or '*' or '_' or '-' or '—'))
        {
            // A quotation's first word is capitalised wherever the quotation stands ("she said, “Chart came out.”"),
            // so it says no more than a sentence's first word does.
            if (IsOpeningQuote(text, i))
            {
                return true;
            }
            i--;
        }
        return i < 0 || text[i] is '!' or '?' or '\n' or '…' or ':' || (text[i] == '.' && !MentionCues.AfterAbbreviation(text, i));
    }
}
