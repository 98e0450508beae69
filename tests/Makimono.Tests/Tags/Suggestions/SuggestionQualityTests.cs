using System.Globalization;
using Xunit.Abstractions;

namespace Makimono.Tests.Tags.Suggestions;

public sealed class SuggestionQualityTests(ITestOutputHelper output)
{
    /// <summary>Measured 0.991 with the archive's tags; a name that only opens sentences, once or twice, is still not suggested.</summary>
    private const double CharacterRecallFloor = 0.95;

    [Fact]
    public void Suggested_characters_are_at_least_90_percent_right_on_the_labelled_stories()
    {
        var figures = Report(SuggestionQuality.Tuning, withArchiveTags: true);

        Assert.True(figures.CharacterPrecision >= 0.9, $"character precision {figures.CharacterPrecision:0.000}");
        Assert.True(figures.CharacterRecall >= CharacterRecallFloor, $"character recall {figures.CharacterRecall:0.000}");
        // Measured 0.900 / 0.818 once relationships came from the archive's characters (issue 13).
        Assert.True(figures.RelationshipPrecision >= 0.85, $"relationship precision {figures.RelationshipPrecision:0.000}");
        Assert.True(figures.RelationshipRecall >= 0.8, $"relationship recall {figures.RelationshipRecall:0.000}");
    }

    /// <summary>
    /// The figures `bench/run suggestions` reports: characters on the tuning set, the seen held-out set (HeldOut,
    /// tuning data since 2026-12-01) and the fresh held-out set (HeldOutFresh, the figures that count), with the
    /// archive's tags and without; relationships on each; and the second fresh set (HeldOutFresh2). The floors are the figures measured when each
    /// held-out set was written (issue 13's targets are precision 0.95 and recall 0.9), so a rule change that loses
    /// ground on stories it was not tuned on fails here.
    /// </summary>
    [Fact]
    public void Quality_figures_on_the_tuning_and_held_out_stories_with_and_without_the_archives_tags()
    {
        var sets = new (string Set, string Key)[] { (SuggestionQuality.Tuning, "tuning"), (SuggestionQuality.HeldOut, "heldout"), (SuggestionQuality.HeldOutFresh, "heldout_fresh"), (SuggestionQuality.HeldOutFresh2, "heldout_fresh2"), (SuggestionQuality.HeldOutFresh3, "heldout_fresh3") };
        var figures = sets.SelectMany(s => new[] { true, false }.Select(tags => (s.Set, Key: $"{s.Key}_{(tags ? "with_tags" : "without_tags")}", Tags: tags)))
            .ToDictionary(c => c.Key, c => Report(c.Set, c.Tags));
        var measured = figures.SelectMany(f => new[]
        {
            ($"{f.Key}_character_precision", f.Value.CharacterPrecision),
            ($"{f.Key}_character_recall", f.Value.CharacterRecall),
        }).Concat(figures.SelectMany(f => new[]
        {
            ($"{f.Key}_relationship_precision", f.Value.RelationshipPrecision),
            ($"{f.Key}_relationship_recall", f.Value.RelationshipRecall),
        })).ToDictionary(m => m.Item1, m => m.Item2);
        foreach (var (set, key) in sets.Where(s => File.Exists(Path.Combine(AppContext.BaseDirectory, "Tags", "Suggestions", s.Set, "second-reader.json"))))
        {
            var agreement = SecondReader(set);
            measured[$"{key}_second_reader_character_precision"] = agreement.CharacterPrecision;
            measured[$"{key}_second_reader_character_recall"] = agreement.CharacterRecall;
            measured[$"{key}_second_reader_relationship_precision"] = agreement.RelationshipPrecision;
            measured[$"{key}_second_reader_relationship_recall"] = agreement.RelationshipRecall;
        }
        output.WriteLine("{" + string.Join(", ", measured.Select(m => string.Create(CultureInfo.InvariantCulture, $"\"{m.Key}\": {m.Value:0.000}"))) + "}");

        foreach (var (name, floor) in HeldOutFloors.Concat(HeldOutFreshFloors).Concat(HeldOutFresh2Floors).Concat(HeldOutFresh3Floors))
        {
            Assert.True(measured[name] >= floor, $"{name} {measured[name]:0.000} < {floor}");
        }
    }

    private static readonly (string Name, double Floor)[] HeldOutFloors =
    [
        // Measured 0.977 / 0.977 with the archive's tags and 0.976 / 0.953 without (issue 13's targets: precision 0.95,
        // recall 0.9). Since 2026-12-01 this set has been read and tuned on like Fixtures/, so these are tuning
        // figures too; the honest figure is a fresh held-out set's, measured outside this branch. The taking-part
        // rules (a title or full name alone, or a known character only talked about, is offered below Likely) cost
        // it two names written once with nothing but a full name or "had been gone": 0.976 / 0.930 both ways.
        ("heldout_with_tags_character_precision", 0.97), ("heldout_with_tags_character_recall", 0.93),
        ("heldout_without_tags_character_precision", 0.97), ("heldout_without_tags_character_recall", 0.93),
    ];

    /// <summary>
    /// Rounded down to 0.01. When the set was written, before any rule saw it: characters 0.871 / 0.871 with the
    /// archive's tags and 0.905 / 0.543 without; relationships 1.000 / 0.250 both ways. After the few-mention cues and
    /// the relationship rework (tuned without this set): characters 0.776 / 0.943 with the archive's tags and
    /// 0.700 / 0.800 without; relationships 0.600 / 0.250 both ways: recall rose and precision fell on text the rules
    /// had not seen, so that tuning overfit. The session after (2026-12-01, fourth) used this set as its validation
    /// set: its misses were read, and a rule was kept only when it did not lose ground here. With the scorer taking
    /// ’ and ' as one apostrophe and the taking-part rules (places, things and people only talked about offered below
    /// Likely, one call of a name in mid-sentence too, romance from engagements and hands taken, and only people
    /// who take part paired, and in a first-person story the narrator, named only in others' speech, as one of a
    /// pair): characters 0.985 / 0.929 with the archive's tags and 0.881 / 0.843 without; relationships 0.875 / 0.583
    /// with and 0.714 / 0.417 without. Those are validation figures, no longer held-out ones: the honest figure
    /// is the next fresh set's, written by someone who has not seen the rules.
    /// </summary>
    private static readonly (string Name, double Floor)[] HeldOutFreshFloors =
    [
        ("heldout_fresh_with_tags_character_precision", 0.98), ("heldout_fresh_with_tags_character_recall", 0.92),
        ("heldout_fresh_without_tags_character_precision", 0.88), ("heldout_fresh_without_tags_character_recall", 0.84),
        ("heldout_fresh_with_tags_relationship_precision", 0.87), ("heldout_fresh_with_tags_relationship_recall", 0.58),
        ("heldout_fresh_without_tags_relationship_precision", 0.71), ("heldout_fresh_without_tags_relationship_recall", 0.41),
    ];

    /// <summary>
    /// The second fresh set, thirty stories written in the fourth session of 2026-12-01 by a helper who never read the
    /// rules or ran the suggester, and kept from the helper who tuned the rules that session. Measured once on the
    /// rules before that tuning: characters 0.681 / 0.908 with the archive's tags and 0.532 / 0.758 without;
    /// relationships 0.412 / 0.467 with and 0.059 / 0.067 without. Once after it: characters 0.776 / 0.867 with and
    /// 0.599 / 0.708 without; relationships 0.400 / 0.400 with and 0.133 / 0.133 without. So the tuning raised
    /// precision on unseen text by about 0.1 and lost some recall, and issue 13's targets (precision 0.95, recall 0.9)
    /// are far off. Many wrong suggestions here are people only talked about, remembered or dead, which the labels
    /// leave out. The floors are the figures after the tuning, rounded down; the coordinator printed this set's
    /// misses to describe them, so the next rule change needs a new fresh set again.
    /// </summary>
    private static readonly (string Name, double Floor)[] HeldOutFresh2Floors =
    [
        ("heldout_fresh2_with_tags_character_precision", 0.77), ("heldout_fresh2_with_tags_character_recall", 0.86),
        ("heldout_fresh2_without_tags_character_precision", 0.59), ("heldout_fresh2_without_tags_character_recall", 0.70),
        ("heldout_fresh2_with_tags_relationship_precision", 0.40), ("heldout_fresh2_with_tags_relationship_recall", 0.40),
        ("heldout_fresh2_without_tags_relationship_precision", 0.13), ("heldout_fresh2_without_tags_relationship_recall", 0.13),
    ];

    /// <summary>
    /// The third fresh set, thirty stories written in the fifth session of 2026-12-01 by a helper who never read the
    /// rules or ran the suggester, in the ordinary mix of posted fan fiction (the second set was written to be hard).
    /// A second reader, who saw neither these labels nor the rules, labelled the same stories under the same rule
    /// (second-reader.json): characters 1.000 / 0.988 against these labels, so the labelling is well defined and a
    /// careful reader meets issue 13's targets. The rules, measured once when the set arrived: characters
    /// 0.788 / 0.909 with the archive's tags and 0.697 / 0.799 without; relationships 0.214 / 0.273 with and
    /// 0.185 / 0.227 without. Most wrong suggestions are people only talked about and titles or words taken for
    /// names. A learned decision step (logistic regression over 39 candidate features, branch `learner`, trained on the
    /// four older sets) measured 0.895 / 0.726 with the archive's tags and 0.867 / 0.598 without here: more precise,
    /// but with less recall and a lower F1 than the rules, so it was not merged. The floors are the rules' figures,
    /// rounded down. The coordinator printed the rules' wrong suggestions here to describe them, so this set is seen
    /// now: the next rule change needs a new fresh set.
    /// </summary>
    private static readonly (string Name, double Floor)[] HeldOutFresh3Floors =
    [
        ("heldout_fresh3_with_tags_character_precision", 0.78), ("heldout_fresh3_with_tags_character_recall", 0.90),
        ("heldout_fresh3_without_tags_character_precision", 0.69), ("heldout_fresh3_without_tags_character_recall", 0.79),
        ("heldout_fresh3_with_tags_relationship_precision", 0.21), ("heldout_fresh3_with_tags_relationship_recall", 0.27),
        ("heldout_fresh3_without_tags_relationship_precision", 0.18), ("heldout_fresh3_without_tags_relationship_recall", 0.22),
    ];

    private SuggestionFigures Report(string set, bool withArchiveTags)
    {
        var figures = SuggestionQuality.Measure(set, withArchiveTags);
        var label = $"{set}, {(withArchiveTags ? "with" : "without")} the archive's tags";
        foreach (var mistake in figures.Mistakes)
        {
            output.WriteLine($"{label}: {mistake}");
        }
        output.WriteLine($"{label}: characters: {figures.CharactersRight} right of {figures.CharactersSuggested} suggested, {figures.CharactersTrue} true; "
            + $"relationships: {figures.RelationshipsRight} right of {figures.RelationshipsSuggested} suggested, {figures.RelationshipsTrue} true");
        output.WriteLine($"{label}: {figures.Json}");
        return figures;
    }

    private SuggestionFigures SecondReader(string set)
    {
        var figures = SuggestionQuality.SecondReader(set);
        foreach (var mistake in figures.Mistakes)
        {
            output.WriteLine($"{set}, second reader: {mistake}");
        }
        output.WriteLine($"{set}, second reader: characters: {figures.CharactersRight} agreed of {figures.CharactersSuggested} tagged by the second reader, {figures.CharactersTrue} by the first; {figures.Json}");
        return figures;
    }

    [Fact]
    public void The_scoring_counts_a_second_suggestion_of_one_character_and_an_unknown_name_as_wrong()
    {
        var (right, wrong, missed) = SuggestionQuality.Score(["Suzu Hanabusa", "Kazeno Haru"], ["Suzu", "Hanabusa", "Konoha"], SuggestionQuality.SameCharacter);

        Assert.Equal(1, right);
        Assert.Equal(["Hanabusa", "Konoha"], wrong);
        Assert.Equal(["Kazeno Haru"], missed);
    }

    [Fact]
    public void The_scoring_takes_a_typographic_and_a_straight_apostrophe_for_the_same_character()
    {
        var (right, wrong, missed) = SuggestionQuality.Score(["T’Sera", "D'Arcy Venn"], ["T'Sera", "D’Arcy"], SuggestionQuality.SameCharacter);

        Assert.Equal(2, right);
        Assert.Empty(wrong);
        Assert.Empty(missed);
    }
}
