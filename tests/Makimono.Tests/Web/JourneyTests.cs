using System.Net;

namespace Makimono.Tests.Web;

/// <summary>Journeys that broke as a person clicked them, pressed here through the buttons the pages serve.</summary>
public sealed class JourneyTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task A_draft_is_posted_with_the_Post_this_work_button_on_its_page()
    {
        await archive.CreateUserAsync("draftposter");
        using var creator = await archive.LoggedInAsync("draftposter");
        var id = await creator.PostWorkAsync("Posted From Its Draft", draft: true);
        using var guest = archive.Guest();
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync($"/works/{id}")).Status);

        using var post = await (await creator.PageAsync($"/works/{id}")).Form("Post this work").SubmitAsync();

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var work = await creator.FollowAsync(post);
        Assert.False(work.HasButton("Post this work"));
        Assert.Contains("Posted From Its Draft", (await guest.PageAsync($"/works/{id}")).Html);
    }

    [Fact]
    public async Task An_admin_hides_and_unhides_a_work_with_the_buttons_on_its_chapter_pages()
    {
        await archive.CreateUserAsync("hiddenwriter");
        await archive.CreateUserAsync("hidingadmin", isAdmin: true);
        using var creator = await archive.LoggedInAsync("hiddenwriter");
        var id = await creator.PostWorkAsync("Hidden and Found");
        using (var chapter = await creator.SubmitFormAsync($"/works/{id}/chapters/new", "Post chapter", [new("Chapter.Body", "The second part.")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, chapter.StatusCode);
        }
        using var admin = await archive.LoggedInAsync("hidingadmin");
        using var guest = archive.Guest();
        // The "Next chapter" link: the chapter's own address, where the button must work as well as on the work's.
        var secondChapter = (await admin.PageAsync($"/works/{id}")).Links.Select(l => l.AbsolutePath)
            .Last(p => System.Text.RegularExpressions.Regex.IsMatch(p, $"^/works/{id}/chapters/[0-9]+$"));

        using (var hide = await (await admin.PageAsync(secondChapter)).Form("Hide work").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync($"/works/{id}")).Status);

        using (var unhide = await (await admin.PageAsync($"/works/{id}")).Form("Unhide work").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, unhide.StatusCode);
        }
        Assert.Contains("Hidden and Found", (await guest.PageAsync($"/works/{id}")).Html);
    }

    [Theory]
    [InlineData("/users/%20")]
    [InlineData("/users/%09")]
    [InlineData("/users/%20/pseuds/%20")]
    [InlineData("/users/blankpseuds/pseuds/%20")]
    [InlineData("/users/blankpseuds/pseuds/%09")]
    public async Task A_blank_user_or_pseud_name_is_not_found(string path)
    {
        await archive.WithDbAsync(async db => db.Users.Any(u => u.UserName == "blankpseuds") ? null : await archive.CreateUserAsync("blankpseuds"));
        using var guest = archive.Guest();

        var (status, body) = await guest.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Page not found", body);
    }

    [Theory]
    [InlineData("/works/new\tx", "/")]
    [InlineData("/account\r\nSet-Cookie: stolen=1", "/")]
    [InlineData("/account\n", "/")]
    [InlineData("/tags/Pokémon/works", "/tags/Pok%C3%A9mon/works")]
    [InlineData("/tags/鬼滅の刃/works?page=2", "/tags/%E9%AC%BC%E6%BB%85%E3%81%AE%E5%88%83/works?page=2")]
    [InlineData("//elsewhere.example/", "/")]
    [InlineData("/account", "/account")]
    public async Task A_login_with_an_odd_return_address_logs_in_and_goes_somewhere_local(string returnUrl, string expected)
    {
        await archive.WithDbAsync(async db => db.Users.Any(u => u.UserName == "returner") ? null : await archive.CreateUserAsync("returner"));
        using var guest = archive.Guest();
        var login = await guest.PageAsync($"/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        // The address is carried in the form (line breaks as a browser keeps them in a field: LF).
        Assert.Equal(returnUrl.ReplaceLineEndings("\n"), login.Form("Log in").Value("ReturnUrl").ReplaceLineEndings("\n"));

        using var response = await login.Form("Log in").Set("UserName", "returner").Set("Password", WebClient.Password).SubmitAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync("/account")).Status);
    }
    [Fact]
    public async Task Only_people_who_may_wrangle_a_tag_are_offered_its_wrangling_page()
    {
        await archive.CreateUserAsync("linkreader");
        await archive.CreateUserAsync("linkadmin", isAdmin: true);
        using var admin = await archive.LoggedInAsync("linkadmin");
        await admin.PostWorkAsync("Tagged for Links", fandom: "Link Fandom");
        using var reader = await archive.LoggedInAsync("linkreader");
        const string TagPage = "/tags/Link%20Fandom/works";

        Assert.DoesNotContain((await reader.PageAsync(TagPage)).Links, l => l.AbsolutePath.EndsWith("/wrangle", StringComparison.Ordinal));

        var offered = (await admin.PageAsync(TagPage)).Links.Single(l => l.AbsolutePath.EndsWith("/wrangle", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(offered.PathAndQuery)).Status);
    }

    [Fact]
    public async Task An_admin_editing_someone_elses_work_is_offered_only_links_that_open()
    {
        await archive.CreateUserAsync("linkwriter");
        await archive.CreateUserAsync("linkeditor", isAdmin: true);
        using var creator = await archive.LoggedInAsync("linkwriter");
        var id = await creator.PostWorkAsync("Edited by an Admin");
        using var admin = await archive.LoggedInAsync("linkeditor");

        foreach (var path in new[] { $"/works/{id}", $"/works/{id}/edit" })
        {
            var tools = (await admin.PageAsync(path)).Links.Where(l => l.AbsolutePath.StartsWith($"/works/{id}/", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(tools);
            foreach (var link in tools)
            {
                Assert.True((await admin.GetAsync(link.PathAndQuery)).Status == HttpStatusCode.OK, $"{path} links {link.PathAndQuery}, which the admin cannot open");
            }
        }
    }
    [Fact]
    public async Task A_wrangler_who_removes_the_parent_that_let_her_wrangle_a_tag_lands_on_a_page_she_may_open()
    {
        await archive.CreateUserAsync("partingwrangler");
        await archive.CreateUserAsync("partingadmin", isAdmin: true);
        List<Makimono.Tags.StarterSets.StarterTag> tags =
        [
            new(Makimono.Tags.TagType.Fandom, "Parting Fandom", [], [], 1),
            new(Makimono.Tags.TagType.Character, "Parting Hero", [], ["Parting Fandom"], 2),
        ];
        var (_, errors) = await archive.WithDbAsync(db => Makimono.Tags.StarterSets.LoadStarterTags.RunAsync(db, TimeProvider.System, tags));
        Assert.Empty(errors);
        using var admin = await archive.LoggedInAsync("partingadmin");
        using (var assign = await admin.SubmitFormAsync("/admin", "Assign", [new("userName", "partingwrangler"), new("fandomName", "Parting Fandom")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);
        }
        using var wrangler = await archive.LoggedInAsync("partingwrangler");

        using var removed = await wrangler.SubmitFormAsync("/tags/Parting%20Hero/wrangle", "Remove Parting Fandom");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var landing = await wrangler.FollowAsync(removed);
        Assert.Contains("Parting Hero", landing.Html);
    }
}
