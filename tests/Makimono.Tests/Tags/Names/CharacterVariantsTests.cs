using Makimono.Tags.Names;

namespace Makimono.Tests.Tags.Names;

public sealed class CharacterVariantsTests
{
    private static CharacterTagUse Use(int id, string name, bool canonical = false, params int[] works) =>
        new(id, name, canonical, works.ToHashSet());

    [Fact]
    public void Short_reordered_and_initialled_names_group_under_the_canonical_full_name_with_their_evidence()
    {
        var groups = CharacterVariants.Group(
        [
            Use(1, "Hatake Kakashi", true, 10, 11),
            Use(2, "Kakashi", false, 11, 12, 13),
            Use(3, "Kakashi Hatake", false, 14),
            Use(4, "Kakashi H.", false, 15),
            Use(5, "Kakashi-sensei", false, 16),
            Use(6, "Haruno Sakura", true, 10),
        ]);

        var group = Assert.Single(groups);
        Assert.Equal("Hatake Kakashi", group.Chosen.Name);
        Assert.Equal(["Kakashi", "Kakashi H.", "Kakashi Hatake", "Kakashi-sensei"], group.Variants.Select(v => v.Tag.Name).Order(StringComparer.Ordinal));
        var shortName = group.Variants.Single(v => v.Tag.Name == "Kakashi");
        Assert.Equal(["kakashi"], shortName.SharedParts);
        Assert.Equal(1, shortName.WorksWithChosen);
        Assert.Equal(["kakashi", "hatake"], group.Variants.Single(v => v.Tag.Name == "Kakashi Hatake").SharedParts);
    }

    [Fact]
    public void A_short_name_that_fits_two_characters_is_left_for_a_person()
    {
        var groups = CharacterVariants.Group(
        [
            Use(1, "Uchiha Sasuke", true),
            Use(2, "Uchiha Itachi", true),
            Use(3, "Uchiha"),
            Use(4, "Sasuke"),
        ]);

        var group = Assert.Single(groups);
        Assert.Equal("Uchiha Sasuke", group.Chosen.Name);
        Assert.Equal(["Sasuke"], group.Variants.Select(v => v.Tag.Name));
    }

    [Fact]
    public void Without_a_canonical_the_fullest_most_used_name_is_chosen_and_unrelated_names_stay_apart()
    {
        var groups = CharacterVariants.Group(
        [
            Use(1, "Iruka", false, 1, 2, 3),
            Use(2, "Umino Iruka", false, 4),
            Use(3, "Gai"),
        ]);

        var group = Assert.Single(groups);
        Assert.Equal("Umino Iruka", group.Chosen.Name);
        Assert.Equal(["Iruka"], group.Variants.Select(v => v.Tag.Name));
    }
}
