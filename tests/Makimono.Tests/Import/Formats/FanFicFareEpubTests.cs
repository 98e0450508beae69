using Makimono.Import;
using Makimono.Import.Formats;

namespace Makimono.Tests.Import.Formats;

/// <summary>FanFicFare's EPUB, whose title page carries the same header as its text and HTML output.</summary>
public sealed class FanFicFareEpubTests
{
    [Fact]
    public void The_title_page_maps_the_source_rating_keeps_the_story_url_and_reads_the_series()
    {
        var epub = new EpubBuilder(version: 2)
        {
            Title = "Ember Road",
            Creators = ["cinderwick"],
            Subjects = ["FanFiction", "Drama"],
        }
        .Document("title_page.xhtml", """
            <h3><a href="https://www.fanfiction.net/s/7/1/">Ember Road</a> by <a class="authorlink" href="https://www.fanfiction.net/u/7/">cinderwick</a></h3>
            <div>
            <b>Category:</b> Ashfall Saga, Tinder Tales<br/>
            <b>Genre:</b> Drama<br/>
            <b>Language:</b> English<br/>
            <b>Series:</b> Roads of Ash [2]<br/>
            <b>Rating:</b> MA<br/>
            <b>Publisher:</b> www.fanfiction.net<br/>
            <b>Story URL:</b> https://www.fanfiction.net/s/7/1/Ember-Road<br/>
            <b>Summary:</b> A courier carries fire across a frozen country.<br/>
            </div>
            """)
        .Document("file0001.xhtml", "<h3>1. Spark</h3><p>Ada carried the ember in a tin box lined with moss, and never once let it go out.</p>");

        var work = FileImport.Read("ember.epub", ".epub", epub.Build());

        Assert.Equal("Explicit", work.Rating);
        Assert.Equal(["Ashfall Saga", "Tinder Tales"], work.Fandoms);
        Assert.Equal(["Roads of Ash"], work.Series);
        Assert.Equal("Story URL: https://www.fanfiction.net/s/7/1/Ember-Road", work.Notes);
        Assert.Equal("A courier carries fire across a frozen country.", work.Summary);
        Assert.StartsWith("Ada carried the ember", Assert.Single(work.Chapters).Text, StringComparison.Ordinal);
        NothingLost.Assert(epub.Text, work);
    }
}
