using Makimono.Tags;
using Makimono.Tags.Autocomplete;

namespace Makimono.Tests.Tags;

public sealed class TagNameIndexTests
{
    private static int _nextId = 1000;

    private static IndexedTag Tag(string name, TagType type = TagType.Character, bool canonical = true, int? mergerId = null, int uses = 0) =>
        new(_nextId++, name, TagName.Normalize(name), type, canonical, mergerId, uses);

    private static List<string> Names(IEnumerable<TagSuggestion> found) => found.Select(s => s.Name).ToList();

    [Fact]
    public void Canonical_tags_come_before_synonyms_and_each_group_is_ranked_by_use()
    {
        var kakashi = Tag("Hatake Kakashi", uses: 5);
        var kakuzu = Tag("Kakuzu", uses: 40);
        var tags = new[]
        {
            kakashi, kakuzu,
            Tag("Kakashi", canonical: false, mergerId: kakashi.Id, uses: 50),
            Tag("Kaka-sensei", canonical: false, mergerId: kakashi.Id, uses: 2),
            Tag("kakashi lover", canonical: false, uses: 100),
        };

        var found = TagNameIndex.Build(tags, []).Find("kak");

        // Hatake Kakashi's synonyms count towards it: 5 + 50 + 2 uses beats Kakuzu's 40.
        Assert.Equal(["Hatake Kakashi", "Kakuzu", "Kakashi", "Kaka-sensei", "kakashi lover"], Names(found));
        Assert.Equal(57, found[0].Uses);
        Assert.Equal("Hatake Kakashi", found[2].CanonicalName);
        Assert.Null(found[0].CanonicalName);
    }

    [Fact]
    public void A_term_matches_the_start_of_any_word_but_not_the_middle_of_one()
    {
        var index = TagNameIndex.Build([Tag("Hatake Kakashi"), Tag("Iruka/Kakashi", TagType.Relationship), Tag("Sasuke")], []);

        Assert.Equal(["Hatake Kakashi", "Iruka/Kakashi"], Names(index.Find("KAK")).Order().ToList());
        Assert.Equal(["Hatake Kakashi"], Names(index.Find("hatake ka")));
        Assert.Empty(index.Find("ashi"));
        Assert.Empty(index.Find("   "));
    }

    [Fact]
    public void Names_compare_normalised()
    {
        var index = TagNameIndex.Build([Tag("Pokémon Trainer", TagType.Freeform)], []);

        Assert.Equal(["Pokémon Trainer"], Names(index.Find("POKEMON")));
    }

    [Fact]
    public void The_type_and_the_fandoms_narrow_the_suggestions()
    {
        var naruto = Tag("Naruto", TagType.Fandom);
        var bleach = Tag("Bleach", TagType.Fandom);
        var sakura = Tag("Haruno Sakura");
        var kyoraku = Tag("Kyouraku Shunsui");
        var loose = Tag("Sakura tree", TagType.Character, canonical: false, uses: 1);
        var index = TagNameIndex.Build([naruto, bleach, sakura, kyoraku, loose, Tag("Sakura Blossoms", TagType.Freeform)],
            [(sakura.Id, naruto.Id), (kyoraku.Id, bleach.Id)]);

        Assert.Equal(["Haruno Sakura", "Sakura tree"], Names(index.Find("sakura", TagType.Character)));
        Assert.Equal(["Sakura Blossoms"], Names(index.Find("sakura", TagType.Freeform)));
        // A tag of another fandom is left out; one without any fandom yet stays.
        Assert.Equal(["Sakura tree"], Names(index.Find("sa", TagType.Character, ["bleach"])));
        Assert.Equal(["Haruno Sakura", "Sakura tree"], Names(index.Find("sa", TagType.Character, ["Naruto", "Nowhere"])));
    }

    [Fact]
    public void At_most_fifteen_suggestions_the_most_used_first_for_short_and_long_terms()
    {
        // Enough tags that a short common prefix takes the precomputed path and a longer one the scan.
        var tags = Enumerable.Range(1, 600).Select(i => Tag($"Original Character {i:000}", uses: i)).ToList();
        var index = TagNameIndex.Build(tags, []);

        Assert.Equal(Enumerable.Range(586, 15).Reverse().Select(i => $"Original Character {i:000}"), Names(index.Find("o")));
        Assert.Equal(Enumerable.Range(586, 15).Reverse().Select(i => $"Original Character {i:000}"), Names(index.Find("original char")));
        Assert.Equal(["Original Character 099", "Original Character 098"], Names(index.Find("09")).Take(2));
        Assert.Equal(Enumerable.Range(190, 10).Reverse().Select(i => $"Original Character {i:000}"), Names(index.Find("19")));
        Assert.Empty(index.Find("o", TagType.Fandom));
    }
}
