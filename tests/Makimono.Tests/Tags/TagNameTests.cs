using Makimono.Tags;

namespace Makimono.Tests.Tags;

public sealed class TagNameTests
{
    [Theory]
    [InlineData("Pokémon", "pokemon")]
    [InlineData("Poke\u0301mon", "pokemon")]
    [InlineData("ＰＯＫＥＭＯＮ", "pokemon")]
    [InlineData("Ｈａｒｒｙ　Ｐｏｔｔｅｒ", "harry potter")]
    [InlineData("  Harry \t\n  Potter  ", "harry potter")]
    [InlineData("ﬁnal fantasy", "final fantasy")]
    [InlineData("Kiri/Hana", "kiri/hana")]
    public void Normalize_folds_width_case_accents_and_spaces(string name, string expected)
    {
        Assert.Equal(expected, TagName.Normalize(name));
    }

    [Fact]
    public void Names_that_differ_only_in_accent_width_or_case_are_the_same_tag()
    {
        Assert.Equal(TagName.Normalize("Pokemon"), TagName.Normalize("POKÉMON"));
        Assert.Equal(TagName.Normalize("ｎａｒｕｔｏ"), TagName.Normalize("Naruto"));
    }

    /// <summary>
    /// Dakuten, handakuten and Thai tone marks are combining marks too, but they change the word:
    /// stripping them would merge unrelated Japanese and Thai tags.
    /// </summary>
    [Theory]
    [InlineData("ガンダム", "カンタム")]
    [InlineData("ポケモン", "ホケモン")]
    [InlineData("ใหม่", "ใหม")]
    public void Normalize_keeps_marks_that_make_a_different_word(string name, string other)
    {
        Assert.NotEqual(TagName.Normalize(other), TagName.Normalize(name));
    }

    [Theory]
    [InlineData(',')]
    [InlineData('^')]
    [InlineData('*')]
    [InlineData('<')]
    [InlineData('>')]
    [InlineData('{')]
    [InlineData('}')]
    [InlineData('=')]
    [InlineData('`')]
    [InlineData('，')]
    [InlineData('、')]
    [InlineData('\\')]
    [InlineData('%')]
    public void Validate_names_the_forbidden_character(char forbidden)
    {
        var name = $"Kiri{forbidden}Hana";

        Assert.Equal($"The tag \"{name}\" contains the character '{forbidden}', which tags cannot contain.", TagName.Validate(name));
    }

    [Fact]
    public void Validate_allows_150_characters_and_refuses_151()
    {
        Assert.Null(TagName.Validate(new string('a', 150)));
        Assert.Null(TagName.Validate($"  {new string('a', 150)}  "));
        var message = TagName.Validate(new string('a', 151));
        Assert.NotNull(message);
        Assert.EndsWith("is 151 characters long; tags can be at most 150.", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_refuses_an_empty_name(string name)
    {
        Assert.Equal("A tag name cannot be empty.", TagName.Validate(name));
    }

    [Fact]
    public void SplitList_splits_on_every_comma_and_drops_blanks_and_repeats()
    {
        Assert.Equal(["Kiri", "Hana", "Sora", "Umi", "Riku"], TagName.SplitList(" Kiri, Hana ,, Sora，Umi、Riku, Kiri"));
        Assert.Empty(TagName.SplitList(null));
        Assert.Empty(TagName.SplitList(" , "));
    }
}
