using Xunit.Abstractions;

namespace Makimono.Tests.Tags.Suggestions;

public sealed class SuggestionQualityTests(ITestOutputHelper output)
{
    /// <summary>Recall is held to a floor below the precision target: a name mentioned once or twice is not suggested, by design.</summary>
    private const double CharacterRecallFloor = 0.85;

    [Fact]
    public void Suggested_characters_are_at_least_90_percent_right_on_the_labelled_stories()
    {
        var figures = SuggestionQuality.Measure();
        foreach (var mistake in figures.Mistakes)
        {
            output.WriteLine(mistake);
        }
        output.WriteLine($"characters: {figures.CharactersRight} right of {figures.CharactersSuggested} suggested, {figures.CharactersTrue} true; "
            + $"relationships: {figures.RelationshipsRight} right of {figures.RelationshipsSuggested} suggested, {figures.RelationshipsTrue} true");
        output.WriteLine(figures.Json);

        Assert.True(figures.CharacterPrecision >= 0.9, $"character precision {figures.CharacterPrecision:0.000}");
        Assert.True(figures.CharacterRecall >= CharacterRecallFloor, $"character recall {figures.CharacterRecall:0.000}");
        Assert.True(figures.RelationshipPrecision >= 0.7, $"relationship precision {figures.RelationshipPrecision:0.000}");
        Assert.True(figures.RelationshipRecall >= 0.5, $"relationship recall {figures.RelationshipRecall:0.000}");
    }

    [Fact]
    public void The_scoring_counts_a_second_suggestion_of_one_character_and_an_unknown_name_as_wrong()
    {
        var (right, wrong, missed) = SuggestionQuality.Score(["Suzu Hanabusa", "Kazeno Haru"], ["Suzu", "Hanabusa", "Konoha"], SuggestionQuality.SameCharacter);

        Assert.Equal(1, right);
        Assert.Equal(["Hanabusa", "Konoha"], wrong);
        Assert.Equal(["Kazeno Haru"], missed);
    }
}
