using Makimono.Import;
using Makimono.Tags.Suggestions;

namespace Makimono.Tests.Tags.Suggestions;

/// <summary>The rules on how much a capitalised word must show before the text-based finder calls it a name (issue 13).</summary>
public sealed class NameEvidenceTests
{
    private static List<string> Names(string text, int minimumMentions = 1) =>
        NameFinder.Find(text, minimumMentions).Select(n => n.Name).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Contractions_with_a_typographic_apostrophe_are_never_names()
    {
        const string text = """
            “I’m late,” Alice said, and I’m sure she was. I’ve seen it before, so I’ll wait and I’d say so.
            Then I’m off. Don’t go, Alice said. We’re here. I’ve done it, and I’ll do it again, and I’d never mind.
            Alice laughed because I’m still here. Alice’s coat was wet, and Alice left. Could’ve, Alice said. And I’m sure.
            """;

        Assert.Equal(["Alice"], Names(text));
    }

    [Fact]
    public void A_contraction_is_never_half_of_a_suggested_relationship()
    {
        var work = new ImportedWork { Source = "t.txt", Format = "text" };
        work.Chapters.Add(new ImportedChapter
        {
            Text = string.Join("\n\n", Enumerable.Repeat("Alice kissed Bram, and I’m sure Alice loved him. “I’m yours,” Bram said. I’m glad. Alice smiled.", 4)),
        });

        SuggestTags.Suggest(work);

        Assert.DoesNotContain(work.Suggestions.Characters, c => c.Name.Contains('’') || c.Name.Contains('\''));
        Assert.DoesNotContain(work.Suggestions.Relationships, r => r.Name.Contains("I’m", StringComparison.Ordinal) || r.Name.Contains("I'm", StringComparison.Ordinal));
        Assert.Contains(work.Suggestions.Relationships, r => r.Name is "Alice/Bram" or "Bram/Alice");
    }

    [Fact]
    public void Page_chrome_words_are_never_names()
    {
        const string text = """
            Orla walked home. Kudos to Orla, said the sign, with Comments below and a Bookmark beside the Kudos.
            Leave Comments, or Kudos, or a Bookmark, said Orla. The Kudos and the Comments piled up, and Orla nodded.
            Share this with Bookmark and Subscribe and Comments. Orla laughed at the Kudos.
            """;

        Assert.Equal(["Orla"], Names(text));
    }

    [Fact]
    public void A_name_only_ever_at_sentence_starts_is_found_when_mentioned_often_and_acting()
    {
        const string text = """
            Jiraiya laughed. The road was long.

            Jiraiya said nothing for a mile. Overhead, the clouds moved. Jiraiya stopped at the bridge.

            Jiraiya sighed. Overhead, a hawk. Overhead, the sun. Overhead, nothing at all.

            Jiraiya nodded at the water. Jiraiya walked on.
            """;

        Assert.Equal(["Jiraiya"], Names(text, minimumMentions: 3));
    }

    [Fact]
    public void A_word_only_at_sentence_starts_needs_more_than_a_few_mentions()
    {
        const string text = "Tsunade laughed. The road was long. Tsunade said no. The end came.";

        Assert.Empty(Names(text));
    }

    [Fact]
    public void A_capitalised_word_also_written_in_lower_case_needs_more_evidence()
    {
        const string once = "The rose was red. Later Rose came in with a rose, and the rose wilted. We saw Rose there.";
        const string often = """
            The rose was red. Later Rose said hello with a rose, and the rose wilted. We saw Rose smile.
            Then Rose laughed, and they gave Rose the rose. Everyone watched Rose nod.
            """;

        Assert.Empty(Names(once));
        Assert.Equal(["Rose"], Names(often));
    }
}
