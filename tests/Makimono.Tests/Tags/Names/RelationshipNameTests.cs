using Makimono.Tags.Names;

namespace Makimono.Tests.Tags.Names;

public sealed class RelationshipNameTests
{
    private static RelationshipIndex NarutoIndex(bool withCanonicalPairing = true)
    {
        var characters = new CharacterDirectory();
        characters.Add(1, "Hatake Kakashi", ["Kakashi-sensei"]);
        characters.Add(2, "Haruno Sakura");
        characters.Add(3, "Uzumaki Naruto");
        characters.Add(4, "Umino Iruka");
        var index = new RelationshipIndex(characters);
        if (withCanonicalPairing)
        {
            index.AddCanonical(100, "Hatake Kakashi/Haruno Sakura");
        }
        index.AddCanonical(101, "Hatake Kakashi & Haruno Sakura");
        return index;
    }

    [Theory]
    [InlineData("Kakashi x Sakura")]
    [InlineData("Kakashi/Sakura")]
    [InlineData("Sakura/Kakashi")]
    [InlineData("Kakashi X Sakura")]
    [InlineData("Kakashi × Sakura")]
    [InlineData("Sakura×Kakashi")]
    [InlineData("Kakashi-sensei/Haruno Sakura")]
    [InlineData("sakura hARUNO / kakashi")]
    [InlineData("KakaSaku")]
    [InlineData("SakuKaka")]
    [InlineData("kakasaku")]
    public void Every_way_of_writing_the_pairing_resolves_to_the_one_canonical_relationship(string written)
    {
        var match = NarutoIndex().Resolve(written);

        Assert.NotNull(match);
        Assert.Equal(100, match.CanonicalTagId);
        Assert.Equal("Hatake Kakashi/Haruno Sakura", match.Name);
        Assert.Equal(RelationshipKind.Romantic, match.Kind);
    }

    [Theory]
    [InlineData("Kakashi & Sakura")]
    [InlineData("Sakura&Kakashi")]
    public void An_ampersand_is_platonic_and_never_the_pairing(string written)
    {
        var match = NarutoIndex().Resolve(written);

        Assert.NotNull(match);
        Assert.Equal(RelationshipKind.Platonic, match.Kind);
        Assert.Equal(101, match.CanonicalTagId);
        Assert.Equal("Hatake Kakashi & Haruno Sakura", match.Name);
    }

    [Fact]
    public void Without_a_canonical_relationship_the_proposed_name_orders_the_canonical_names_ordinally_whatever_the_written_order()
    {
        var index = NarutoIndex(withCanonicalPairing: false);

        var one = index.Resolve("Sakura/Kakashi");
        var other = index.Resolve("Kakashi x Sakura");
        var iruka = index.Resolve("Iruka x Kakashi");

        Assert.Null(one!.CanonicalTagId);
        Assert.Equal("Haruno Sakura/Hatake Kakashi", one.Name);
        Assert.Equal(one.Name, other!.Name);
        Assert.Equal("Hatake Kakashi/Umino Iruka", iruka!.Name);
    }

    [Fact]
    public void An_existing_canonical_relationship_keeps_its_own_order()
    {
        var characters = new CharacterDirectory();
        characters.Add(1, "Hatake Kakashi");
        characters.Add(4, "Umino Iruka");
        var index = new RelationshipIndex(characters);
        index.AddCanonical(7, "Umino Iruka/Hatake Kakashi");

        Assert.Equal("Umino Iruka/Hatake Kakashi", index.Resolve("Kakashi/Iruka")!.Name);
        Assert.Equal("Umino Iruka/Hatake Kakashi", index.Resolve("KakaIru")!.Name);
    }

    [Theory]
    [InlineData("KakaGai")]      // Gai is not a character the archive knows
    [InlineData("Kakashi/Gai")]
    [InlineData("Sakura")]       // one character, not a pairing
    [InlineData("Kakashi/Kakashi-sensei")]
    [InlineData("Kakashi/Sakura & Naruto")]
    [InlineData("Team Seven")]
    public void Names_that_do_not_resolve_to_distinct_known_characters_are_not_guessed(string written) =>
        Assert.Null(NarutoIndex().Resolve(written));

    [Fact]
    public void A_portmanteau_needs_both_characters_known()
    {
        var characters = new CharacterDirectory();
        characters.Add(1, "Hatake Kakashi");
        var index = new RelationshipIndex(characters);

        Assert.Null(index.Resolve("KakaSaku"));
        characters.Add(2, "Haruno Sakura");
        Assert.Equal("Haruno Sakura/Hatake Kakashi", index.Resolve("KakaSaku")!.Name);
    }

    [Fact]
    public void The_reason_says_how_each_name_resolved()
    {
        var match = NarutoIndex().Resolve("Kakashi-sensei x Sakura")!;

        Assert.Contains("\"Kakashi-sensei\" is a synonym of Hatake Kakashi", match.Reason, StringComparison.Ordinal);
        Assert.Contains("\"Sakura\" is part of the name Haruno Sakura", match.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A/B", RelationshipKind.Romantic, new[] { "A", "B" })]
    [InlineData("Ann x Bo x Cy", RelationshipKind.Romantic, new[] { "Ann", "Bo", "Cy" })]
    [InlineData("Ann & Bo", RelationshipKind.Platonic, new[] { "Ann", "Bo" })]
    [InlineData("Xavier Xu/Bo", RelationshipKind.Romantic, new[] { "Xavier Xu", "Bo" })]
    [InlineData("Professor X / Magneto", RelationshipKind.Romantic, new[] { "Professor X", "Magneto" })]
    public void Parsing_splits_on_the_separator_of_its_kind(string written, RelationshipKind kind, string[] names)
    {
        var parsed = RelationshipName.Parse(written)!;

        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(names, parsed.Names);
    }
}
