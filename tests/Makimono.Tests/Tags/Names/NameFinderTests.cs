using Makimono.Tags.Suggestions;

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
        // "Ansel nodded", and "Ansel Brae" in mid-sentence is a full name.
        Assert.Equal(2, found.Single(n => n.Name == "Ansel").PersonCues);
    }

    [Fact]
    public void Hidden_villages_shires_and_cities_are_places_by_their_ending()
    {
        var found = NameFinder.Find("""
            Amegakure sent no reply. Orla wrote again, and Amegakure stayed silent; the elders of Amegakure were busy.
            Orla said Thistleshire would answer. Thistleshire did not. Bram laughed at Thistleshire and Orla.
            Bram said Kestrelburgh was worse. Kestrelburgh sent a goat. Orla nodded at Bram. Nobody thanked Kestrelburgh.
            """).Select(n => n.Name);

        Assert.Equal(["Bram", "Orla"], found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_name_after_village_of_or_land_of_is_a_place()
    {
        var found = NameFinder.Find("""
            Orla left the village of Harrowmere at dawn. Harrowmere slept on, and Orla said nothing of Harrowmere again.
            Bram came from the Land of Cinders. Cinders, Bram said, was colder. Orla nodded. The Land of Cinders had no summer. Bram laughed.
            """).Select(n => n.Name);

        Assert.Equal(["Bram", "Orla"], found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void People_whose_names_end_like_places_stay_people()
    {
        var found = NameFinder.Find("""
            Neville said the greenhouse was shut. Ashton laughed. Then Neville nodded at Ashton, and Ashton sighed.
            Later Ashton said Neville was right, and Neville smiled at Ashton.
            """).Select(n => n.Name);

        Assert.Equal(["Ashton", "Neville"], found.Order(StringComparer.Ordinal));
    }
}
