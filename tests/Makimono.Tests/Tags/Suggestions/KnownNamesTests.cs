using Makimono.Import;
using Makimono.Tags.Names;
using Makimono.Tags.Suggestions;

namespace Makimono.Tests.Tags.Suggestions;

/// <summary>The archive's canonical characters and synonyms as a dictionary for suggestions (issue 13).</summary>
public sealed class KnownNamesTests
{
    private static CharacterDirectory Leaf()
    {
        var characters = new CharacterDirectory();
        characters.Add(1, "Hatake Kakashi", ["Kakashi"]);
        characters.Add(2, "Jiraiya (Naruto)", ["Jiraiya"]);
        characters.Add(3, "Hope Ashdown", ["Hope"]);
        return characters;
    }

    private static ImportedWork Work(string text)
    {
        var work = new ImportedWork { Source = "t.txt", Format = "text" };
        work.Chapters.Add(new ImportedChapter { Text = text });
        SuggestTags.Suggest(work);
        return work;
    }

    [Fact]
    public void A_known_character_is_suggested_from_one_mention_as_its_canonical_tag()
    {
        var work = Work("Jiraiya laughed at the rain. Later a tired jonin named Kakashi-sensei read the scrolls twice.");

        SuggestTags.MapTo(work, new RelationshipIndex(Leaf()));

        var suggested = work.Suggestions.Characters.Where(c => c.Confidence >= SuggestTags.Likely).ToDictionary(c => c.Tag ?? c.Name);
        Assert.Equal(["Hatake Kakashi", "Jiraiya (Naruto)"], suggested.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, suggested["Hatake Kakashi"].TagId);
        Assert.Equal("Kakashi", suggested["Hatake Kakashi"].Name);
        Assert.Equal(2, suggested["Jiraiya (Naruto)"].TagId);
    }

    [Fact]
    public void A_known_name_that_is_also_a_common_word_counts_only_capitalised_in_mid_sentence()
    {
        var characters = Leaf();

        Assert.Empty(KnownNames.Find("Hope was all they had. They had no hope left, and the rain went on.", characters));
        Assert.Equal(3, Assert.Single(KnownNames.Find("They had no hope left, until Hope came home.", characters)).TagId);
    }

    [Fact]
    public void Titles_and_contractions_never_resolve_through_a_synonym_that_contains_them()
    {
        var characters = new CharacterDirectory();
        characters.Add(1, "Wilhelmina Sorrel", ["Professor Sorrel"]);

        Assert.Empty(KnownNames.Find("Professor Achterberg waved. I’m sure, said Professor Achterberg.", characters));
    }

    [Fact]
    public void The_fandom_is_the_one_whose_characters_the_text_names_most_and_no_guess_when_two_tie()
    {
        var bleach = new CharacterDirectory();
        bleach.Add(10, "Kurosaki Ichigo", ["Ichigo"]);
        bleach.Add(11, "Kuchiki Rukia", ["Rukia"]);
        var fandoms = new Dictionary<int, CharacterDirectory> { [100] = Leaf(), [200] = bleach };

        Assert.Equal(100, InferredFandom.Pick("Jiraiya laughed, and Kakashi read. Ichigo was not there.", fandoms));
        Assert.Null(InferredFandom.Pick("Jiraiya laughed, and Kakashi read. Ichigo and Rukia were there too.", fandoms));
        Assert.Null(InferredFandom.Pick("Once, Kakashi read.", fandoms));
    }
}
