using Makimono.Import;
using Makimono.Tags.Names;
using Makimono.Tags.Suggestions;

namespace Makimono.Tests.Tags.Suggestions;

/// <summary>
/// Issue 13, precision on stories no rule was tuned on: places, things and people only talked about were taken for
/// characters. Each rule below fails its test when the rule is taken away.
/// </summary>
public sealed class TakingPartTests
{
    private static List<string> Suggested(string text) => FewMentionCuesTests.Suggested(text);

    private static List<string> Offered(string text) => FewMentionCuesTests.Offered(text);

    [Fact]
    public void A_quotations_first_word_opens_a_sentence_wherever_the_quotation_stands()
    {
        const string text = "She leans down to say, very softly, “Chart came out.” Then, 'Tansy went home.'";

        Assert.True(NameFinder.StartsSentence(text, text.IndexOf("Chart", StringComparison.Ordinal)));
        Assert.True(NameFinder.StartsSentence(text, text.IndexOf("Tansy", StringComparison.Ordinal)));
        Assert.False(NameFinder.StartsSentence("“Hi,” Ren said.", 5));
        Assert.Empty(Offered(text));
    }

    [Fact]
    public void A_possessive_and_the_noun_it_owns_are_not_a_full_name()
    {
        Assert.Empty(Offered("We walked past Castellan’s Books on the way home."));
    }

    [Fact]
    public void A_capitalised_word_after_an_article_or_a_possessive_determiner_is_a_thing()
    {
        Assert.Empty(Offered("There was a Ford Fiesta key on the hook, and a bag."));
        Assert.Empty(Offered("He held up his Coke, sweating in the heat."));
    }

    [Fact]
    public void Prepositions_of_place_are_place_cues_and_the_cue_carries_over_and_and_or()
    {
        Assert.Empty(Offered("The sign above Lomax came down."));
        Assert.Empty(Offered("Fires started in Dunmere and Kestle burned all night."));
    }

    [Fact]
    public void Words_for_parents_are_not_names()
    {
        Assert.Empty(Offered("Mamma says I must rest. Papa nodded, and later Mamma laughed and Papa smiled."));
    }

    [Fact]
    public void What_one_half_of_a_full_name_does_the_person_does()
    {
        Assert.Equal(["Tabitha"], Suggested("The dowager sniffed, which Miss Tabitha Crane, who was standing beside her, repeated."));
    }

    [Fact]
    public void A_voice_or_a_hand_of_ones_own_shows_a_person_in_the_scene()
    {
        Assert.Equal(["Dragomirov"], Suggested("The comm chirped. Commander Dragomirov’s voice came through, clipped."));
    }

    [Fact]
    public void An_auxiliary_before_a_verb_of_action_is_acting()
    {
        Assert.Equal(["Dunmore"], Suggested("It was late, and Mrs. Dunmore had said nothing more."));
    }

    [Fact]
    public void A_present_participle_after_a_comma_is_acting_but_a_list_is_not()
    {
        Assert.Equal(["Wilhelmina"], Suggested("On the steps stood Wilhelmina Sorrel, watching the duel."));
        Assert.Empty(Suggested("They called for Security, engineering, and medical."));
    }

    [Fact]
    public void Korean_honorifics_are_taken_off_a_name()
    {
        Assert.Equal("Eun-bi", NameFinder.Clean("Eun-bi-noona").ToString());
        Assert.Equal("Dae-hyun", NameFinder.Clean("Dae-hyun-ssi").ToString());
    }

    private static CharacterDirectory Reed()
    {
        var characters = new CharacterDirectory();
        characters.Add(1, "Hanamura Aiko", ["Aiko"]);
        characters.Add(2, "Oda Minoru", []);
        characters.Add(3, "Marigold Pettifer", []);
        characters.Add(4, "Park Dae-hyun", []);
        return characters;
    }

    private static Dictionary<string, double> KnownConfidences(string text)
    {
        var work = new ImportedWork { Source = "t.txt", Format = "text" };
        work.Chapters.Add(new ImportedChapter { Text = text });
        SuggestTags.Suggest(work);
        SuggestTags.MapTo(work, new RelationshipIndex(Reed()));
        return work.Suggestions.Characters.Where(c => c.TagId is not null).ToDictionary(c => c.Tag!, c => c.Confidence);
    }

    [Fact]
    public void A_known_character_only_talked_about_once_is_offered_below_likely_and_one_who_acts_is_likely()
    {
        var talkedAbout = KnownConfidences("“Not like a teammate. Not like—” he waves a hand, “—Aiko and the rest.”");
        var acting = KnownConfidences("The gate creaked. Aiko laughed at the rain.");

        Assert.True(talkedAbout["Hanamura Aiko"] < SuggestTags.Likely, $"{talkedAbout["Hanamura Aiko"]}");
        Assert.True(acting["Hanamura Aiko"] >= SuggestTags.Likely, $"{acting["Hanamura Aiko"]}");
    }

    [Fact]
    public void A_known_character_acting_inside_someone_elses_speech_is_only_talked_about()
    {
        var confidences = KnownConfidences("“They will cut us. Dae-hyun heard the directors talking,” she said.");

        Assert.True(confidences["Park Dae-hyun"] < SuggestTags.Likely, $"{confidences["Park Dae-hyun"]}");
    }

    [Fact]
    public void A_known_character_addressed_inside_a_quotation_takes_part()
    {
        var confidences = KnownConfidences("“Left a bit,” she said. “No, your left. Marigold, your other left.”");

        Assert.True(confidences["Marigold Pettifer"] >= SuggestTags.Likely, $"{confidences["Marigold Pettifer"]}");
    }
}
