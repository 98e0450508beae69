using Makimono.Import;

namespace Makimono.Tests.Tags.Names;

public sealed class NameFinderTests
{
    private const string Story = """
        On Monday Mira walked to Konoha with Tobias. Mira said the road was long. Tobias laughed.

        In Konoha the gates were shut. "Oh, Tobias," Mira said, "we came from Suna for this?" They waited at Konoha until March.

        Well, Tobias nodded. The letter from Suna said nothing, and the Gull sailed back to Suna without them.
        Later Mira smiled at Tobias. "Oh, well," said Mira. Konoha Village slept. The Gull left on a Monday in March.
        """;

    [Fact]
    public void Places_days_months_interjections_and_ships_are_not_names()
    {
        var names = NameFinder.Find(Story).Select(n => n.Name).ToList();

        Assert.Equal(["Mira", "Tobias"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_surname_written_after_a_first_name_is_that_persons_and_speaking_is_a_person_cue()
    {
        var found = NameFinder.Find("Ansel Brae came in. Later, Ansel Brae sat down, and Ansel Brae said hello. Ansel nodded at Wren. Wren laughed, and Wren left.");

        var brae = found.Single(n => n.Name == "Brae");
        Assert.Equal("Ansel", brae.Before);
        Assert.Equal(3, brae.BeforeCount);
        Assert.Equal(1, found.Single(n => n.Name == "Ansel").PersonCues);
    }
}
