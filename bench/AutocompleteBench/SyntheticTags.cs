using Makimono.Tags;

namespace Makimono.Bench;

/// <summary>One generated tag: synonyms point at a canonical tag by index, characters and relationships at a fandom.</summary>
internal sealed record SyntheticTag(string Name, TagType Type, bool IsCanonical, int? MergerIndex, int? FandomIndex, int Uses);

/// <summary>
/// 200,000 tags shaped like an archive's: fandoms, "Family Given" characters, "A/B" and "A &amp; B" relationships and
/// additional tags, 60% canonical, 25% synonyms of a canonical tag of their type, the rest unwrangled; use follows a
/// long tail. Deterministic, so every run measures the same index.
/// </summary>
internal static class SyntheticTags
{
    private static readonly string[] Given = Words("Kakashi Iruka Sakura Naruto Sasuke Hinata Shikamaru Ino Choji Neji Tenten Lee Gaara Temari Kankuro Itachi Kisame Obito Rin Minato Kushina Jiraiya Tsunade Orochimaru Ichigo Rukia Orihime Uryu Renji Byakuya Toshiro Rangiku Shunsui Jushiro Harry Hermione Ron Draco Severus Remus Sirius Luna Neville Ginny Tony Steve Natasha Bruce Thor Clint Wanda Vision Peter Sam Dean Castiel Bobby Jack Crowley Arthur Merlin Gwen Morgana Lancelot Gwaine Sherlock John Molly Greg Mycroft Irene Aziraphale Crowley Anathema Newt Geralt Jaskier Yennefer Ciri Triss Levi Eren Mikasa Armin Erwin Hange Jean Sasha Connie Historia Ymir Katsuki Izuku Shoto Ochaco Tenya Eijiro Denki Kyoka Momo Hitoshi Shouta Toshinori Hawks Dabi Lan Wei Jiang Wen Nie Xiao Song Jin Luo Zhan Yibo Aang Katara Sokka Zuko Toph Azula Iroh Suki Ty Mai Yue Elsa Anna Kristoff Hans Olaf Frodo Sam Merry Pippin Aragorn Legolas Gimli Boromir Faramir Eowyn Eomer Gandalf Saruman Bilbo Thorin Kili Fili");
    private static readonly string[] Family = Words("Hatake Umino Haruno Uzumaki Uchiha Hyuuga Nara Yamanaka Akimichi Inuzuka Aburame Sarutobi Namikaze Senju Kurosaki Kuchiki Inoue Ishida Abarai Hitsugaya Matsumoto Kyouraku Ukitake Potter Granger Weasley Malfoy Snape Lupin Black Lovegood Longbottom Stark Rogers Romanoff Banner Odinson Barton Maximoff Parker Wilson Winchester Singer Pendragon Emrys Holmes Watson Hooper Lestrade Adler Fell Device Pulsifer Rivia Pankratz Vengerberg Ackerman Jaeger Arlert Smith Zoe Kirstein Braus Springer Reiss Bakugou Midoriya Todoroki Uraraka Iida Kirishima Kaminari Jirou Yaoyorozu Shinsou Aizawa Yagi Takami Lan Wei Jiang Wen Nie Xiao Song Jin Luo Baggins Gamgee Brandybuck Took Oakenshield Greenleaf Durin Arendelle Westergaard Bjorgman");
    private static readonly string[] Adjectives = Words("Slow Fast Hidden Broken Golden Silver Quiet Loud Lost Found Secret Eternal Modern Alternate Royal Wild Gentle Bitter Sweet Dark Bright Frozen Burning Last First Little Great Crimson Azure Hollow Fallen Rising Silent Endless Wandering Sleeping Waking Distant Tender Fierce");
    private static readonly string[] Nouns = Words("Burn Fluff Angst Comfort Hurt Universe Academy Kingdom Coffee Shop Soulmates Mates Pining Reunion Rivals Lovers Friends Enemies Family Found Time Travel Magic Dragons Vampires Ghosts Hanahaki Bonding Amnesia Apocalypse Heist Detective Office Band Roommates Holiday Wedding Domestic Canon Divergence Fix-It Road Trip Summer Winter Letters Dreams Memories Crowns Blades Stars Rivers");
    private static readonly string[] Media = Words("Anime Manga Novel Webcomic Cartoon Game Movie TV Podcast Musical");

    public const int Count = 200_000;

    public static List<SyntheticTag> Generate()
    {
        var random = new Random(20261122);
        var tags = new List<SyntheticTag>(Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var canonicalByType = new Dictionary<TagType, List<int>>();
        var fandoms = new List<int>();

        void Add(string name, TagType type)
        {
            if (!seen.Add(TagName.Normalize(name)))
            {
                return;
            }
            var roll = random.NextDouble();
            var canonicals = canonicalByType.TryGetValue(type, out var list) ? list : canonicalByType[type] = [];
            var synonym = roll >= 0.6 && roll < 0.85 && canonicals.Count > 0;
            var canonical = roll < 0.6 || (roll < 0.85 && canonicals.Count == 0);
            int? fandom = type != TagType.Fandom && fandoms.Count > 0 ? fandoms[random.Next(fandoms.Count)] : null;
            // A long tail: most tags are used once or never, a few by thousands of works.
            var uses = (int)Math.Floor(Math.Pow(random.NextDouble(), 6) * 5000);
            tags.Add(new SyntheticTag(name, type, canonical, synonym ? canonicals[random.Next(canonicals.Count)] : null, canonical ? fandom : null, uses));
            if (canonical)
            {
                canonicals.Add(tags.Count - 1);
                if (type == TagType.Fandom)
                {
                    fandoms.Add(tags.Count - 1);
                }
            }
        }

        string Pick(string[] words) => words[random.Next(words.Length)];
        string Character() => random.Next(3) switch
        {
            0 => $"{Pick(Family)} {Pick(Given)}",
            1 => $"{Pick(Given)} {Pick(Family)}",
            _ => $"{Pick(Given)} {Pick(Family)[0]}. {random.Next(1, 99)}",
        };

        while (tags.Count < 10_000)
        {
            Add($"{Pick(Adjectives)} {Pick(Nouns)} ({Pick(Media)}{(random.Next(4) == 0 ? $" {random.Next(1, 40)}" : "")})", TagType.Fandom);
        }
        while (tags.Count < 80_000)
        {
            Add(Character(), TagType.Character);
        }
        while (tags.Count < 130_000)
        {
            Add($"{Character()}{(random.Next(4) == 0 ? " & " : "/")}{Character()}", TagType.Relationship);
        }
        while (tags.Count < Count)
        {
            Add($"{Pick(Adjectives)} {Pick(Nouns)}{(random.Next(2) == 0 ? $" {Pick(Nouns)}" : "")}{(random.Next(3) == 0 ? $" {random.Next(1, 200)}" : "")}", TagType.Freeform);
        }
        return tags;
    }

    /// <summary>What people type: the first one to six letters of a word of a tag's name, most often of a well-used tag.</summary>
    public static List<(string Term, TagType? Type)> Terms(List<SyntheticTag> tags, int count)
    {
        var random = new Random(7);
        var terms = new List<(string, TagType?)>(count);
        while (terms.Count < count)
        {
            var tag = tags[random.Next(tags.Count)];
            var words = tag.Name.Split([' ', '/', '&', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
            var word = words[random.Next(words.Length)];
            var length = Math.Min(word.Length, random.Next(1, 7));
            terms.Add((word[..length], random.Next(4) == 0 ? null : tag.Type));
        }
        return terms;
    }

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
