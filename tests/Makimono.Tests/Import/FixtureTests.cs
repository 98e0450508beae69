namespace Makimono.Tests.Import;

public sealed class FixtureTests
{
    [Theory, MemberData(nameof(Fixtures.TextAndHtml), MemberType = typeof(Fixtures))]
    public void Every_word_of_the_input_ends_up_in_a_field_or_a_marker(string name)
    {
        var work = Fixtures.Import(name);

        NothingLost.Assert(Fixtures.InputText(name), work);
    }

    [Fact]
    public void Labelled_front_matter_goes_to_its_fields()
    {
        var work = Fixtures.Import("labelled-front-matter.txt");

        Assert.Equal("The Lighthouse Keeper's Daughter", work.Title);
        Assert.Equal(["Quillfeather"], work.Creators);
        Assert.StartsWith("I don't own", work.Disclaimer, StringComparison.Ordinal);
        Assert.Equal("Teen And Up Audiences", work.Rating);
        Assert.Equal(["Mira/Tobias"], work.Relationships);
        Assert.StartsWith("Mira has kept the lamp", work.Summary, StringComparison.Ordinal);
        Assert.StartsWith("This is my first multi-chapter fic", work.Notes, StringComparison.Ordinal);
        Assert.Equal(["Spring Boats", "The Letter"], work.Chapters.Select(c => c.Title));
        Assert.Contains("<hr>", work.Chapters[0].Html, StringComparison.Ordinal);
        Assert.StartsWith("Please review!", work.EndNotes, StringComparison.Ordinal);
        Assert.DoesNotContain("review", work.Chapters[1].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(work.Suggestions.Characters, c => c.Name == "Mira");
    }

    [Fact]
    public void A_chatty_note_then_a_one_line_summary_before_the_story()
    {
        var work = Fixtures.Import("chatty-note-then-summary.txt");

        Assert.Null(work.Title);
        Assert.StartsWith("hiya everyone!!", work.Notes, StringComparison.Ordinal);
        Assert.StartsWith("Wren loses her way", work.Summary, StringComparison.Ordinal);
        var chapter = Assert.Single(work.Chapters);
        Assert.StartsWith("<p>Wren had been told", chapter.Html, StringComparison.Ordinal);
        Assert.Equal(1, CountOf("<hr>", chapter.Html));
        Assert.Equal("Review?", work.EndNotes);
    }

    [Fact]
    public void Ao3_markers_are_left_out_and_blank_runs_become_scene_breaks()
    {
        var work = Fixtures.Import("ao3-text-markers.txt");

        Assert.Null(work.Title);
        Assert.Null(work.Summary);
        var chapter = Assert.Single(work.Chapters);
        Assert.StartsWith("<p>Jun counts the steps", chapter.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Work Text", chapter.Text, StringComparison.Ordinal);
        Assert.Equal(1, CountOf("<hr>", chapter.Html));
        Assert.Contains("Work Header", work.Markers);
        Assert.Contains("Jun", work.Suggestions.Characters.Select(c => c.Name));
    }

    [Fact]
    public void A_title_line_alone_then_the_story()
    {
        var work = Fixtures.Import("title-line-only.txt");

        Assert.Equal("Salt and Thunder", work.Title);
        var chapter = Assert.Single(work.Chapters);
        Assert.StartsWith("<p>Captain Isla Marrow", chapter.Html, StringComparison.Ordinal);
        Assert.Equal(1, CountOf("<hr>", chapter.Html));
        Assert.Null(work.EndNotes);
    }

    [Fact]
    public void FanFiction_net_conventions()
    {
        var work = Fixtures.Import("ffn-conventions.txt");

        Assert.Equal("Ashes of the Old Road", work.Title);
        Assert.Equal(["nightjar_ink"], work.Creators);
        Assert.Equal("Mature", work.Rating);
        Assert.Contains("No lemons or limes", work.ContentNotes, StringComparison.Ordinal);
        Assert.Contains("Warnings: character death", work.ContentNotes, StringComparison.Ordinal);
        Assert.Equal(["M/M"], work.Categories);
        Assert.Equal(["Dante/Rook"], work.Relationships);
        Assert.StartsWith("Written to:", work.Notes, StringComparison.Ordinal);
        Assert.Equal(["Prologue", "Crossroads", "Epilogue"], work.Chapters.Select(c => c.Title));
        Assert.StartsWith("<blockquote><p>&quot;Every road", work.Chapters[0].Html, StringComparison.Ordinal);
        Assert.Contains("<hr>", work.Chapters[0].Html, StringComparison.Ordinal);
        Assert.Contains("<hr>", work.Chapters[1].Html, StringComparison.Ordinal);
        Assert.StartsWith("Thank you so much for reading", work.EndNotes, StringComparison.Ordinal);
        Assert.Contains(work.Suggestions.ArchiveWarnings, w => w.Name == "Major Character Death");
    }

    [Fact]
    public void Roman_numerals_and_number_words_split_chapters()
    {
        var work = Fixtures.Import("roman-numerals.txt");

        Assert.Equal("Seven Bells", work.Title);
        Assert.Equal([null, null, "The Orchard"], work.Chapters.Select(c => c.Title));
        Assert.All(work.Chapters, c => Assert.True(c.Words > 0));
    }

    [Fact]
    public void Generic_html_keeps_italics_and_reads_its_title()
    {
        var work = Fixtures.Import("generic.html");

        Assert.Equal("html", work.Format);
        Assert.Equal("The Clockmaker's Apprentice", work.Title);
        Assert.StartsWith("Written for the autumn exchange", work.Notes, StringComparison.Ordinal);
        Assert.Equal([null, "Springs"], work.Chapters.Select(c => c.Title));
        Assert.Contains("<em>Ada</em>", work.Chapters[0].Html, StringComparison.Ordinal);
        Assert.Contains("<br>", work.Chapters[0].Html, StringComparison.Ordinal);
        Assert.Contains("<hr>", work.Chapters[0].Html, StringComparison.Ordinal);
        Assert.Contains("<strong>three</strong>", work.Chapters[1].Html, StringComparison.Ordinal);
        Assert.StartsWith("Please review", work.EndNotes, StringComparison.Ordinal);
    }

    [Fact]
    public void A_windows_1252_file_with_crlf_lines()
    {
        var work = Fixtures.Import("windows-1252.txt");

        Assert.Equal(("windows-1252", true), (work.Encoding, work.EncodingGuessed));
        Assert.Equal("Café Nights", work.Title);
        Assert.Equal(["Brindle"], work.Creators);
        Assert.Contains("crème brûlée", work.Summary, StringComparison.Ordinal);
        Assert.Contains("“You could just say", work.Chapters[0].Text, StringComparison.Ordinal);
        Assert.Contains("<hr>", work.Chapters[0].Html, StringComparison.Ordinal);
        Assert.Equal("Thanks for reading! Reviews are lovely.", work.EndNotes);
    }

    [Fact]
    public void A_utf16_file_without_a_bom_and_a_note_before_the_title()
    {
        var work = Fixtures.Import("utf-16le-no-bom.txt");

        Assert.Equal(("utf-16le", true), (work.Encoding, work.EncodingGuessed));
        Assert.StartsWith("This one is short", work.Notes, StringComparison.Ordinal);
        var chapter = Assert.Single(work.Chapters);
        Assert.Contains("Kōenji", chapter.Text, StringComparison.Ordinal);
        Assert.Contains("<hr>", chapter.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_headings_mark_chapters_and_thematic_breaks_scene_breaks()
    {
        var work = Fixtures.Import("markdown-chapters.md");

        Assert.Equal("markdown", work.Format);
        Assert.Equal("The Beekeeper's Winter", work.Title);
        Assert.StartsWith("Old Marit teaches", work.Summary, StringComparison.Ordinal);
        Assert.StartsWith("written for a prompt", work.Notes, StringComparison.Ordinal);
        Assert.Equal(["Frost", null], work.Chapters.Select(c => c.Title));
        Assert.Contains("<em>low and even</em>", work.Chapters[0].Html, StringComparison.Ordinal);
        Assert.Contains("<hr>", work.Chapters[0].Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<hr>", work.Chapters[1].Html, StringComparison.Ordinal);
        Assert.Equal("Please review if you liked it!", work.EndNotes);
    }

    [Fact]
    public void Ao3_download_reads_the_preface_and_each_chapter()
    {
        var work = Fixtures.Import("ao3-download.html");

        Assert.Equal("ao3-html", work.Format);
        Assert.Equal("The Night Ferry", work.Title);
        Assert.Equal(["marrowbone"], work.Creators);
        Assert.Equal("Teen And Up Audiences", work.Rating);
        Assert.Equal(["No Archive Warnings Apply"], work.ArchiveWarnings);
        Assert.Equal(["F/F"], work.Categories);
        Assert.Equal(["Original Work"], work.Fandoms);
        Assert.Equal(["Nell/Ottilie"], work.Relationships);
        Assert.Equal(["Nell", "Ottilie", "The Ferryman"], work.Characters);
        Assert.Equal(["Rivers", "Slow Burn"], work.Freeforms);
        Assert.Equal(["Crossings"], work.Series);
        Assert.Equal("en", work.Language);
        Assert.Equal("Two strangers share the last crossing of the night.", work.Summary);
        Assert.Equal("For my sister, who hates boats.", work.Notes);
        Assert.Equal("Thank you for reading.", work.EndNotes);
        Assert.Equal(2, work.Chapters.Count);
        Assert.Equal("Departure", work.Chapters[0].Title);
        Assert.Equal("Short one to start.", work.Chapters[0].Notes);
        Assert.Equal("More soon!", work.Chapters[0].EndNotes);
        Assert.Contains("<em>moved</em>", work.Chapters[0].Html, StringComparison.Ordinal);
        Assert.Contains("<hr>", work.Chapters[0].Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Chapter Text", work.Chapters[0].Text, StringComparison.Ordinal);
        Assert.Null(work.Chapters[1].Title);
        Assert.StartsWith("The basket held a goose.", work.Chapters[1].Text, StringComparison.Ordinal);
    }

    private static int CountOf(string needle, string haystack) =>
        (haystack.Length - haystack.Replace(needle, string.Empty, StringComparison.Ordinal).Length) / needle.Length;
}
