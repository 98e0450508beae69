using Makimono.Import.Formats;
using Makimono.Works;
using Xunit;

namespace Makimono.Tests.Works;

public sealed class LanguagesTests
{
    [Theory]
    [InlineData("English", "en")]
    [InlineData(" english ", "en")]
    [InlineData("Français", "fr")]
    [InlineData("french", "fr")]
    [InlineData("日本語", "ja")]
    [InlineData("Español", "es")]
    [InlineData("FR", "fr")]
    [InlineData("pt-br", "pt-BR")]
    [InlineData("Português brasileiro", "pt-BR")]
    public void A_language_is_known_by_its_own_name_its_English_name_or_its_code(string typed, string code) =>
        Assert.Equal(code, Languages.CodeOf(typed));

    [Theory]
    [InlineData("Klingonese")]
    [InlineData("English!")]
    [InlineData("")]
    public void An_unknown_language_has_no_code(string typed) => Assert.Null(Languages.CodeOf(typed));

    [Fact]
    public void Every_offered_language_is_named_in_its_own_words_and_its_name_leads_back_to_its_code()
    {
        Assert.True(Languages.Offered.Count > 50, $"only {Languages.Offered.Count} languages offered: is ICU missing?");
        Assert.Contains(Languages.Offered, l => l is { Code: "ja", Name: "日本語" });
        Assert.Contains(Languages.Offered, l => l is { Code: "fr", Name: "Français" });
        Assert.All(Languages.Offered, l => Assert.Equal(l.Code, Languages.CodeOf(l.Name)));
        Assert.Equal(Languages.Offered.Count, Languages.Offered.Select(l => l.Name).Distinct(StringComparer.InvariantCultureIgnoreCase).Count());
    }

    [Theory]
    [InlineData("Deutsch", "de")]
    [InlineData("中文-普通话 國語", "zh")]
    [InlineData("Português europeu", "pt")]
    [InlineData("Tlhingan Hol", "en")]
    public void An_AO3_language_name_in_an_import_maps_through_the_same_list(string name, string code) =>
        Assert.Equal(code, Ao3HtmlImport.LanguageCode(name));
}
