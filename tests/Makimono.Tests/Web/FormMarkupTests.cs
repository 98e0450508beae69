using System.Net;
using System.Text.RegularExpressions;
using Makimono.Tags;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>The markup of every form page, as served: what the stylesheet and the browser rely on.</summary>
public sealed partial class FormMarkupTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task Every_input_says_its_type_and_the_stylesheet_styles_every_text_like_type()
    {
        await archive.CreateUserAsync("markupadmin", isAdmin: true);
        using var admin = await archive.LoggedInAsync("markupadmin");
        var id = await admin.PostWorkAsync("Markup Fic", fandom: "Markup Fandom", characters: "Markup Person");
        var chapter = (await admin.PageAsync($"/works/{id}/navigate")).Links.Select(l => l.AbsolutePath)
            .First(p => p.StartsWith($"/works/{id}/chapters/", StringComparison.Ordinal));
        var pages = new[]
        {
            "/admin", "/works/new", $"/works/{id}/edit", $"/works/{id}/delete", $"/works/{id}/chapters/new", $"{chapter}/edit",
            "/account", "/account/pseuds", "/tags/unwrangled", $"/tags/{TagUrl.ToSegment("Markup Person")}/wrangle",
            $"/tags/{TagUrl.ToSegment("Markup Fandom")}/wrangle", "/account/creatorships", $"/works/{id}",
        };
        var textTypes = new HashSet<string>();
        foreach (var path in pages)
        {
            var page = await admin.PageAsync(path);
            foreach (var input in page.Document.QuerySelectorAll("input"))
            {
                var type = input.GetAttribute("type");
                Assert.False(string.IsNullOrEmpty(type), $"{path} has an input without a type: {input.OuterHtml}");
                if (type is not ("hidden" or "checkbox" or "radio" or "file" or "submit"))
                {
                    textTypes.Add(type!);
                }
            }
        }
        using var guest = archive.Guest();
        foreach (var path in new[] { "/login", "/signup" })
        {
            foreach (var input in (await guest.PageAsync(path)).Document.QuerySelectorAll("input"))
            {
                Assert.False(string.IsNullOrEmpty(input.GetAttribute("type")), $"{path} has an input without a type: {input.OuterHtml}");
            }
        }
        var (status, css) = await guest.GetAsync("/site.css");
        Assert.Equal(HttpStatusCode.OK, status);
        var styled = StyledInputType().Matches(css).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Contains("text", textTypes);
        Assert.Empty(textTypes.Except(styled));
    }

    [GeneratedRegex(@"input\[type=""?([a-z-]+)""?\]")]
    private static partial Regex StyledInputType();
}
