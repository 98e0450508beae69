using Xunit.Sdk;

namespace Makimono.Tests.Web;

/// <summary>The form client must fail where a browser would go wrong, or the web tests prove nothing.</summary>
public sealed class HtmlFormTests
{
    private static readonly Uri PageAddress = new("http://localhost/works/7");

    private static HtmlPage Page(string body)
    {
        var client = new WebClient(new HttpClient { BaseAddress = new Uri("http://localhost/") });
        return new HtmlPage(client, PageAddress, $"<!doctype html><html><body>{body}</body></html>");
    }

    [Fact]
    public void An_empty_action_fails_instead_of_posting_to_the_page()
    {
        var form = Page("<form method=post action=\"\"><button>Post this work</button></form>").Form("Post this work");
        Assert.ThrowsAny<XunitException>(() => form.Action);
    }

    [Fact]
    public void A_missing_action_posts_to_the_page_and_a_formaction_wins()
    {
        var page = Page("<form method=post><button>Save</button><button formaction=\"/works/7/draft?x=1\">Draft</button></form>");
        Assert.Equal(PageAddress, page.Form("Save").Action);
        Assert.Equal(new Uri("http://localhost/works/7/draft?x=1"), page.Form("Draft").Action);
    }

    [Fact]
    public void Fields_are_sent_as_a_browser_sends_them()
    {
        var form = Page("""
            <form method=post action="/works/new">
              <input type=hidden name=__RequestVerificationToken value=t>
              <input name=Title value="Old">
              <textarea name=Body>
            First line</textarea>
              <select name=Rating><option value=1>G</option><option value=2 selected>T</option></select>
              <input type=checkbox name=Warning value=14><input type=checkbox name=Warning value=15 checked>
              <input type=checkbox name=Restricted value=true><input type=hidden name=Restricted value=false>
              <input name=Off value=x disabled>
              <button name=submit value=post>Post</button><button name=submit value=draft>Save as draft</button>
            </form>
            """).Form("Save as draft");
        form.Set("Title", "New").Check("Warning", "14").Uncheck("Warning", "15").Check("Restricted");
        Assert.Equal(
            [
                new("__RequestVerificationToken", "t"), new("Title", "New"), new("Body", "First line"), new("Rating", "2"),
                new("Warning", "14"), new("Restricted", "true"), new("Restricted", "false"), new("submit", "draft"),
            ],
            form.Fields);
    }

    [Fact]
    public void A_test_cannot_set_what_the_form_does_not_offer()
    {
        var form = Page("<form method=post action=/x><select name=Rating><option value=1>G</option></select><button>Go</button></form>").Form("Go");
        Assert.ThrowsAny<XunitException>(() => form.Set("Category", "3"));
        Assert.ThrowsAny<XunitException>(() => form.Set("Rating", "9"));
        Assert.ThrowsAny<XunitException>(() => Page("<form><button>Go</button></form><form><button>Go</button></form>").Form("Go"));
    }

    [Fact]
    public void A_repeated_button_is_found_by_its_row_or_its_accessible_name()
    {
        var page = Page("""
            <ul>
              <li>Naruto <form method=post action=/a><button aria-label="Remove Naruto">Remove</button></form></li>
              <li>Bleach <form method=post action=/b><button aria-label="Remove Bleach">Remove</button></form></li>
            </ul>
            """);
        Assert.Equal(new Uri("http://localhost/b"), page.Form("Remove", near: "Bleach").Action);
        Assert.Equal(new Uri("http://localhost/a"), page.Form("Remove Naruto").Action);
    }
}
