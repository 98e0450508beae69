using Makimono.Import.Structure;


namespace Makimono.Tests.Import.Structure;

public sealed class StructureRulesTests
{
    [Theory]
    [InlineData("Chapter 1", null)]
    [InlineData("Chapter 12: The Long Night", "The Long Night")]
    [InlineData("Chapter One: Title", "Title")]
    [InlineData("chapter twenty - Ashes", "Ashes")]
    [InlineData("Ch. 2", null)]
    [InlineData("Ch 3 - Crossroads", "Crossroads")]
    [InlineData("Part 4", null)]
    [InlineData("IV", null)]
    [InlineData("XII.", null)]
    [InlineData("12.", null)]
    [InlineData("Prologue", null)]
    [InlineData("Epilogue: Ten Years Later", "Ten Years Later")]
    public void Chapter_headings(string line, string? title)
    {
        var m = StructureRules.ChapterHeading(line);

        Assert.True(m.Success);
        Assert.Equal(title, m.Groups["title"].Success ? m.Groups["title"].Value : null);
    }

    [Theory]
    [InlineData("Chapters are hard to write.")]
    [InlineData("I went home.")]
    [InlineData("Chapter and verse, he said, and laughed")]
    [InlineData("Prologues bore me")]
    [InlineData("12 apples")]
    public void Story_lines_are_not_chapter_headings(string line)
    {
        Assert.False(StructureRules.ChapterHeading(line).Success);
    }

    [Theory]
    [InlineData("* * *")]
    [InlineData("***")]
    [InlineData("~~~")]
    [InlineData("~*~*~")]
    [InlineData("-----")]
    [InlineData("oOo")]
    [InlineData("xXxXx")]
    [InlineData("-x-x-x-")]
    [InlineData("###")]
    [InlineData("   *   ")]
    [InlineData("§")]
    public void Scene_break_lines(string line)
    {
        Assert.True(StructureRules.IsSceneBreakLine(line));
    }

    [Theory]
    [InlineData("...")]
    [InlineData("Oh.")]
    [InlineData("\"!\"")]
    [InlineData("box")]
    public void Short_story_lines_are_not_scene_breaks(string line)
    {
        Assert.False(StructureRules.IsSceneBreakLine(line));
    }

    [Theory]
    [InlineData("K", "General Audiences")]
    [InlineData("K+", "General Audiences")]
    [InlineData("T", "Teen And Up Audiences")]
    [InlineData("M", "Mature")]
    [InlineData("MA", "Explicit")]
    [InlineData("Explicit", "Explicit")]
    public void Ratings_in_words_become_ao3_rating_names(string code, string name)
    {
        Assert.Equal(name, StructureRules.RatingName(code));
        Assert.Equal(name, StructureRules.RatingName(StructureRules.RatedInWords($"Rated {code} for reasons").Groups["code"].Value));
    }

    [Theory]
    [InlineData("Naruto x Sasuke")]
    [InlineData("Dante / Rook")]
    [InlineData("Harry Potter/Draco Malfoy, Ron/Hermione")]
    public void Pairings(string line)
    {
        Assert.True(StructureRules.UnlabelledPairing(line).Success);
    }

    [Theory]
    [InlineData("I x you")]
    [InlineData("She ran to the door/window.")]
    public void Sentences_are_not_pairings(string line)
    {
        Assert.False(StructureRules.UnlabelledPairing(line).Success);
    }

    [Theory]
    [InlineData("The End")]
    [InlineData("THE END")]
    [InlineData("~The End~")]
    [InlineData("~ Fin ~")]
    [InlineData("Fin.")]
    [InlineData("FIN")]
    [InlineData("-owari-")]
    [InlineData("End of chapter")]
    [InlineData("End of Chapter Three")]
    [InlineData("To be continued…")]
    [InlineData("(To Be Continued...)")]
    [InlineData("TBC")]
    [InlineData("*~*TBC*~*")]
    public void End_markers(string line)
    {
        Assert.True(StructureRules.IsEndMarker(OneLine(line)));
    }

    [Theory]
    [InlineData("The end of the season, he said.")]
    [InlineData("Finally.")]
    [InlineData("\"Fin,\" she read aloud, and closed the book.")]
    [InlineData("To be continued, he thought, was a promise.")]
    [InlineData("The End was a tavern by the docks.")]
    public void Story_lines_are_not_end_markers(string line)
    {
        Assert.False(StructureRules.IsEndMarker(OneLine(line)));
    }

    private static Paragraph OneLine(string line) => new([SourceLine.FromText(line)], 0);
}
