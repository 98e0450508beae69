using Xunit.Abstractions;

namespace Makimono.Tests.Web.Crawling;

/// <summary>
/// Each role clicks through a seeded archive (see <see cref="Crawler"/>): no page or form may give a server error, no
/// link may be refused, no form may have an empty action, every page must pass the Nu HTML checker, and every button
/// the pages are written with must have been pressed by some role.
/// </summary>
public sealed class CrawlerTests(CrawlerTests.Crawl crawl, ITestOutputHelper output) : IClassFixture<CrawlerTests.Crawl>
{
    [Fact]
    public void No_page_form_or_link_gives_a_server_error_a_refusal_or_goes_nowhere()
    {
        crawl.Report(output);
        Assert.True(crawl.Failures.Count == 0, $"{crawl.Failures.Count} broken:\n{string.Join("\n", crawl.Failures)}");
    }

    [Fact]
    public async Task Every_page_passes_the_Nu_HTML_checker()
    {
        var errors = await NuChecker.CheckAsync(crawl.Pages);
        // One line per message and kind of page, with the first page that shows it.
        var lines = errors
            .GroupBy(e => (e.Message, Template: Digits.Replace(e.Page.AbsolutePath, "N")))
            .Select(g => $"{g.First().Role} {g.First().Page.PathAndQuery} line {g.First().Line} ({g.Count()} pages): {g.Key.Message} [{g.First().Extract.Trim()}]")
            .ToList();
        output.WriteLine($"Nu HTML checker: {crawl.Pages.Count} pages, {errors.Count} errors");
        Assert.True(errors.Count == 0, $"the Nu HTML checker found {errors.Count} errors in {crawl.Pages.Count} pages:\n{string.Join("\n", lines)}");
    }

    [Fact]
    public void Every_button_served_is_pressed()
    {
        var unpressed = crawl.Buttons.Where(b => !crawl.Pressed.Contains((b.Role, b.Key))).Select(b => $"{b.Role}: {b.Key} on {b.Page.PathAndQuery}").Distinct().ToList();
        Assert.True(unpressed.Count == 0, $"served but never pressed:\n{string.Join("\n", unpressed)}");
    }

    [Fact]
    public void Every_button_written_in_the_pages_is_pressed_by_some_role()
    {
        var pressed = crawl.Buttons.Where(b => crawl.Pressed.Contains((b.Role, b.Key))).ToList();
        var sources = SourceButton.All();
        Assert.NotEmpty(sources);
        var never = sources.Where(s => !pressed.Any(s.Matches)).ToList();
        output.WriteLine($"{sources.Count} buttons in src/Makimono/Pages, {sources.Count - never.Count} pressed by the crawler");
        Assert.True(never.Count == 0, $"no role pressed these buttons:\n{string.Join("\n", never)}");
    }

    private static readonly System.Text.RegularExpressions.Regex Digits = new(@"\d+");

    /// <summary>One crawl per role, each on its own freshly seeded archive, so what one role changes does not hide pages from another.</summary>
    public sealed class Crawl : IAsyncLifetime
    {
        private const int MaxPagesPerRole = 400;

        public List<string> Failures { get; } = [];
        public List<CollectedPage> Pages { get; } = [];
        public List<SeenButton> Buttons { get; } = [];
        public HashSet<(string Role, string Key)> Pressed { get; } = [];
        public List<string> Figures { get; } = [];

        public async Task InitializeAsync()
        {
            foreach (var role in new[] { "guest", "reader", "creator", "cocreator", "wrangler", "admin" })
            {
                // With a loopback SMTP server, so the pages that send mail serve their forms.
                using var archive = new Mail.MailArchiveFactory(fakeClock: false);
                await CrawlSeed.RunAsync(archive);
                using var client = role == "guest" ? archive.Guest() : await archive.LoggedInAsync(role);
                var crawler = new Crawler(client, role, role, MaxPagesPerRole);
                // The guest also opens the links of a reset and a confirmation mail to the reader, as if it had read them.
                await crawler.RunAsync(StartPages(role).Concat(role == "guest" ? await archive.MailedLinksAsync("reader") : []));
                Failures.AddRange(crawler.Failures.Distinct());
                Pages.AddRange(crawler.Pages);
                Buttons.AddRange(crawler.Buttons);
                Pressed.UnionWith(crawler.Pressed.Select(key => (role, key)));
                var answered = string.Join(", ", crawler.Answers.Where(a => !a.Contains(" GET ", StringComparison.Ordinal)).GroupBy(a => a[0]).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}xx"));
                Figures.Add($"{role}: {crawler.Pages.Count} pages, {crawler.Requests} requests, {crawler.FormsSubmitted} forms submitted ({answered})" +
                    (crawler.Pages.Count >= MaxPagesPerRole ? " (stopped at the limit)" : ""));
                // Refusals are not failures (a stale Undo, a name that does not exist), but they are worth reading.
                Figures.AddRange(crawler.Answers.Where(a => a.StartsWith('4')).Select(a => $"  {role}: {a}"));
            }
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Report(ITestOutputHelper output)
        {
            foreach (var line in Figures)
            {
                output.WriteLine(line);
            }
        }

        /// <summary>The home page, and for people their own pages: account, pseuds, invitations, works, posting, and their role's tools.</summary>
        private static IEnumerable<string> StartPages(string role)
        {
            yield return "/";
            if (role == "guest")
            {
                yield return "/login";
                yield return "/signup";
                yield break;
            }
            foreach (var own in new[] { "/account", "/account/pseuds", "/account/creatorships", $"/users/{role}", "/works/new", "/logout" })
            {
                yield return own;
            }
            if (role is "wrangler" or "admin")
            {
                yield return "/tags/unwrangled";
            }
            if (role == "admin")
            {
                yield return "/admin";
            }
        }
    }
}
