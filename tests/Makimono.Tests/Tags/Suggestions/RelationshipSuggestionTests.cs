using Makimono.Import;
using Makimono.Tags.Names;
using Makimono.Tags.Suggestions;

namespace Makimono.Tests.Tags.Suggestions;

/// <summary>
/// Romantic relationships suggested between two characters who both take part (issue 13): from the improved
/// character finder, and with the archive's tags from its canonical characters and relationships.
/// </summary>
public sealed class RelationshipSuggestionTests
{
    private static ImportedWork Work(string text)
    {
        var work = new ImportedWork { Source = "t.txt", Format = "text" };
        work.Chapters.Add(new ImportedChapter { Text = text });
        SuggestTags.Suggest(work);
        return work;
    }

    private static List<string> Likely(ImportedWork work) =>
        work.Suggestions.Relationships.Where(r => r.Confidence >= SuggestTags.Likely).Select(r => r.Name).ToList();

    [Fact]
    public void With_the_archives_tags_a_pairing_shown_through_a_nickname_is_the_canonical_relationship_and_says_so()
    {
        var characters = new CharacterDirectory();
        characters.Add(1, "Eleanor Whitcombe", ["Nell"]);
        characters.Add(2, "Julian Fenwright");
        var index = new RelationshipIndex(characters);
        index.AddCanonical(3, "Eleanor Whitcombe/Julian Fenwright");
        // "Nell" opens its only sentence, so the text-based finder alone does not take it for a name.
        var work = Work("Julian waited on the terrace, and Julian said nothing for a long time.\n\nNell kissed him.");

        SuggestTags.MapTo(work, index);

        var pairing = Assert.Single(work.Suggestions.Relationships, r => r.Confidence >= SuggestTags.Likely);
        Assert.Equal("Eleanor Whitcombe/Julian Fenwright", pairing.Name);
        Assert.Equal("Eleanor Whitcombe/Julian Fenwright", pairing.Tag);
        Assert.Equal(3, pairing.TagId);
    }

    [Fact]
    public void One_kiss_pairs_a_character_once_so_a_third_person_nearby_is_not_a_second_partner()
    {
        var work = Work("""
            At dusk Hope Marsh ran down to the harbour wall, where Will Tarrant was waiting, and Hope kissed Will in the rain.

            Will kissed her back, and Elias Penn, from under the blankets, said it was about time.
            """);

        var pairings = Likely(work);

        Assert.Contains(pairings, p => p is "Hope/Will" or "Will/Hope");
        Assert.DoesNotContain(pairings, p => p.Contains("Elias", StringComparison.Ordinal));
    }

    [Fact]
    public void A_kiss_is_given_to_names_before_it_and_in_its_paragraph_not_to_the_next_scenes()
    {
        var work = Work("""
            At noon Juno marched Pell Anders through the market, past the noodle stalls, and by the docks she was laughing.

            "I know," said Pell, and kissed her by the eel stall.

            Back on the ship, Vex Oduya informed them that the captain wanted a word.
            """);

        var pairings = Likely(work);

        Assert.Contains(pairings, p => p is "Juno/Pell" or "Pell/Juno");
        Assert.DoesNotContain(pairings, p => p.Contains("Vex", StringComparison.Ordinal));
    }

    [Fact]
    public void An_engagement_or_a_hand_taken_is_a_romantic_cue()
    {
        var engaged = Work("Oriel laughed, and Oriel waved the letter. Oriel is engaged. To Mr. Fenmoor! Mr. Fenmoor bowed, and Mr. Fenmoor smiled.");
        var hand = Work("Oriel laughed, and Oriel waved. Fenmoor bowed, and Fenmoor smiled.\n\nThen Fenmoor took her hand, and Oriel did not let go.");

        Assert.Equal(["Fenmoor/Oriel"], Likely(engaged));
        Assert.Equal(["Fenmoor/Oriel"], Likely(hand));
    }

    [Fact]
    public void A_name_offered_below_likely_is_nobodys_partner()
    {
        // "Ashby" is named only by a title and takes no part: the hand Orin took is not his.
        var work = Work("Orin laughed, and Orin waved. Then Orin took her hand, even when Lord Ashby’s mother stared from the door.");

        Assert.Empty(Likely(work));
    }

    [Fact]
    public void In_a_first_person_story_the_narrator_named_only_in_others_speech_is_one_of_the_pair()
    {
        const string text = """
            I was on the ladder when Tamsin came in. I had the lanterns, and I had a plan.

            “Left a bit,” Tamsin said. “No, your left. Oriel, your other left.”

            I did not fall. Tamsin laughed, and Tamsin held the ladder, and I climbed down at last, and I bowed.

            The cloister was cold, the kind of cold that gets in under a scarf and settles there for the winter. We hung
            the lanterns from the chapel end to the great hall, one by one, and the wind tried to put out every one of
            them, and the old stones smelled of wax and frost and of the long years of other people's winters.

            I thought about the timetable. Then Tamsin leaned over and kissed me, and I stopped thinking.
            """;
        var characters = new CharacterDirectory();
        characters.Add(1, "Oriel Vance", ["Oriel"]);
        characters.Add(2, "Tamsin Hale", ["Tamsin"]);
        var index = new RelationshipIndex(characters);
        index.AddCanonical(3, "Oriel Vance/Tamsin Hale");
        var work = Work(text);

        SuggestTags.MapTo(work, index);

        // Oriel is named far from the kiss: only the narrator rule pairs her.
        Assert.True(text.IndexOf("kissed", StringComparison.Ordinal) - text.IndexOf("Oriel", StringComparison.Ordinal) > NearestMentions.Reach);
        Assert.Equal(["Oriel Vance/Tamsin Hale"], Likely(work));
    }
}
