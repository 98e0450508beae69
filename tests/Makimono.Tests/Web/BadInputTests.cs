using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>Input no page can take gets a clear answer that names the field and keeps what was typed.</summary>
public sealed class BadInputTests(BadInputTests.LoggedArchive archive) : IClassFixture<BadInputTests.LoggedArchive>
{
    [Fact]
    public async Task A_nul_character_gets_a_400_page_naming_the_field_with_the_text_shown_back()
    {
        await archive.CreateUserAsync("nulwriter");
        using var client = await archive.LoggedInAsync("nulwriter");
        var form = (await client.PageAsync("/works/new")).Form("Post");
        form.Set("Work.Title", "Half\0Title").Set("Work.Summary", "A summary worth keeping").Set("Work.Fandoms", "Nul Fandom")
            .Set("Chapter.Body", "The chapter I wrote tonight.").Check("Work.WarningIds", "14");

        using var response = await form.SubmitAsync();
        var page = new HtmlPage(client, new Uri("http://localhost/"), await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The field “Work.Title” contains a NUL character", page.Document.Body!.TextContent);
        var shown = page.Document.QuerySelectorAll("textarea").Select(t => t.TextContent).ToList();
        Assert.Contains("HalfTitle", shown);
        Assert.Contains("A summary worth keeping", shown);
        Assert.Contains("The chapter I wrote tonight.", shown);
        Assert.DoesNotContain(shown, s => s.Contains('\0'));
        Assert.Contains(archive.Logged, line => line.Contains("/works/new", StringComparison.Ordinal) && line.Contains("NUL", StringComparison.Ordinal));
        Assert.False(await archive.WithDbAsync(db => db.Works.AnyAsync()));
    }

    [Fact]
    public async Task A_nul_character_in_the_login_form_never_shows_the_password_back()
    {
        await archive.CreateUserAsync("nullogin");
        using var guest = archive.Guest();
        var form = (await guest.PageAsync("/login")).Form("Log in");
        form.Set("UserName", "null\0ogin").Set("Password", WebClient.Password);

        using var response = await form.SubmitAsync();
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("“UserName” contains a NUL character", WebUtility.HtmlDecode(body));
        Assert.DoesNotContain(WebClient.Password, body);
    }

    [Fact]
    public async Task A_ten_megabyte_field_gets_a_400_page_naming_the_field()
    {
        await archive.CreateUserAsync("bigwriter");
        using var client = await archive.LoggedInAsync("bigwriter");
        var form = (await client.PageAsync("/works/new")).Form("Post");
        form.Set("Work.Title", "A Title I Keep").Set("Work.Fandoms", "Big Fandom").Check("Work.WarningIds", "14")
            .Set("Chapter.Body", new string('a', 10 * 1024 * 1024));

        using var response = await form.SubmitAsync();
        var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(text.Contains("The field “Chapter.Body” has 10,485,760 characters", StringComparison.Ordinal), text[text.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.Contains("A Title I Keep", text);
        Assert.Contains(archive.Logged, line => line.Contains("Chapter.Body", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deeply_nested_html_comes_back_on_the_form_with_a_message()
    {
        await archive.CreateUserAsync("nester");
        using var client = await archive.LoggedInAsync("nester");
        var body = string.Concat(Enumerable.Repeat("<div>", 40_000)) + "deep words" + string.Concat(Enumerable.Repeat("</div>", 40_000));
        var form = (await client.PageAsync("/works/new")).Form("Post");
        form.Set("Work.Title", "Nested").Set("Work.Fandoms", "Deep Fandom").Check("Work.WarningIds", "14").Set("Chapter.Body", body);

        using var response = await form.SubmitAsync();
        var page = new HtmlPage(client, new Uri("http://localhost/works/new"), await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nested more than 100 elements deep", page.Document.Body!.TextContent);
        Assert.Equal(body, page.Form("Post").Value("Chapter.Body"));
        Assert.Equal("Nested", page.Form("Post").Value("Work.Title"));
    }

    /// <summary>The web archive with its log lines kept, to check that refusals are logged.</summary>
    public sealed class LoggedArchive : ArchiveFactory
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Logged => _lines;

        protected override void ConfigureArchive(IWebHostBuilder builder) =>
            builder.ConfigureLogging(logging => logging.AddProvider(new Capture(_lines)));

        private sealed class Capture(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
        {
            public ILogger CreateLogger(string categoryName) => this;

            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    lines.Enqueue(formatter(state, exception));
                }
            }

            public void Dispose()
            {
            }
        }
    }
}
