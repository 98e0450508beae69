using Makimono.Text;

namespace Makimono.Tests.Text;

public sealed class WordCounterTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("   \n ", 0)]
    [InlineData("Hello", 1)]
    [InlineData("Don't stop, it's a well-known fact.", 6)]
    [InlineData("It’s a self‐made rock 'n' roll band", 7)]
    [InlineData("Wait -- what? — Nothing...", 3)]
    [InlineData("snake_case counts once", 3)]
    [InlineData("In 2024, 12 cats", 4)]
    public void Counts_words_in_spaced_scripts(string text, int expected)
    {
        Assert.Equal(expected, WordCounter.CountText(text));
    }

    [Theory]
    [InlineData("猫が好きです", 6)]
    [InlineData("猫が好きです。", 6)]
    [InlineData("カタカナ", 4)]
    [InlineData("แมว หมา", 6)]
    [InlineData("I love 猫 and ねこ!", 6)]
    [InlineData("Hello世界", 3)]
    public void Counts_scripts_written_without_spaces_per_character(string text, int expected)
    {
        Assert.Equal(expected, WordCounter.CountText(text));
    }

    [Theory]
    [InlineData("<p>One <em>two</em></p><p>three</p>", 3)]
    [InlineData("<p>one</p><p>two</p>", 2)]
    [InlineData("one<br>two<br/>three", 3)]
    [InlineData("<a href=\"https://example.org/a-very-long-url\" title=\"not counted\">link</a>", 1)]
    [InlineData("<ul><li>one</li><li>two</li></ul>", 2)]
    [InlineData("<p>one</p><hr><p>two</p>", 2)]
    public void Counts_only_the_text_of_html(string html, int expected)
    {
        Assert.Equal(expected, WordCounter.CountHtml(html));
    }

    [Theory]
    [InlineData("caf&eacute; &amp; cr&egrave;me", 2)]
    [InlineData("Tom&#39;s cat", 2)]
    [InlineData("one&nbsp;two", 2)]
    [InlineData("3 &lt; 4 &amp;&amp; 5 &gt; 4", 4)]
    public void Decodes_entities_before_counting(string html, int expected)
    {
        Assert.Equal(expected, WordCounter.CountHtml(html));
    }

    /// <summary>Chat logs are often posted as tables; cells are separate words even with no space between them.</summary>
    [Fact]
    public void Table_cells_do_not_run_together()
    {
        Assert.Equal(4, WordCounter.CountHtml("<table><tr><th>Kiri</th><th>Hana</th></tr><tr><td>hi</td><td>hello</td></tr></table>"));
    }
}
