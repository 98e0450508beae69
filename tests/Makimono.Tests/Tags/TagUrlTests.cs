using Makimono.Tags;

namespace Makimono.Tests.Tags;

public sealed class TagUrlTests
{
    [Theory]
    [InlineData("A/B & C.D?#")]
    [InlineData("Kiri/Hana")]
    [InlineData("Pokémon")]
    [InlineData("...")]
    [InlineData("Harry Potter - J. K. Rowling")]
    [InlineData("ガンダム 00")]
    public void A_tag_name_survives_the_trip_through_a_url(string name)
    {
        var segment = TagUrl.ToSegment(name);

        Assert.DoesNotContain('/', segment);
        Assert.DoesNotContain('.', segment);
        Assert.DoesNotContain('?', segment);
        Assert.DoesNotContain('#', segment);
        Assert.DoesNotContain('&', segment);
        // Routing hands the action the percent-decoded segment.
        Assert.Equal(name, TagUrl.FromSegment(Uri.UnescapeDataString(segment)));
    }

    [Fact]
    public void Reads_links_written_the_ao3_way()
    {
        Assert.Equal("A/B & C.D?#", TagUrl.FromSegment("A*s*B *a* C*d*D*q**h*"));
    }

    [Fact]
    public void The_works_path_has_the_tag_as_one_segment()
    {
        var path = TagUrl.WorksPath("Kiri/Hana");

        Assert.Equal(["", "tags", TagUrl.ToSegment("Kiri/Hana"), "works"], path.Split('/'));
    }
}
