using System.Reflection;
using Microsoft.Playwright;

namespace Makimono.BrowserTests;

/// <summary>
/// One archive server and one Chromium for every browser test: starting them is the slow part, and the
/// tests share the machine's two cores, so they run one after another in a single collection.
/// Also posts one work by <see cref="AuthorName"/> for the accessibility and layout tests to look at.
/// </summary>
public sealed class ArchiveFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string AuthorName = "inkwell";
    public const string AuthorPassword = "lamplight-and-paper";
    public const string SeedFandom = "Paper Moon Chronicles";

    public ArchiveServer Server { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    /// <summary>Cookies of the logged-in author, so tests need not log in again (logins are rate limited).</summary>
    public string AuthorStorageState { get; private set; } = null!;
    public string SeedWorkPath { get; private set; } = null!;
    private IPlaywright _playwright = null!;

    public static string ProjectDirectory => typeof(ArchiveFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ProjectDirectory").Value!;

    /// <summary>TestResults/browser at the repo root: git-ignored, and where CI or a person looks for artifacts.</summary>
    public static string ResultsDirectory => Directory.CreateDirectory(Path.Combine(ProjectDirectory, "..", "..", "TestResults", "browser")).FullName;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            // Never skip: a browser suite that quietly runs nothing is worse than a red one.
            throw new InvalidOperationException("Chromium is not installed: run scripts/test, which installs it, or apt-get install chromium");
        }
        Assertions.SetDefaultExpectTimeout(15_000);
        await Server.AddUserAsync(AuthorName, "inkwell@example.test", AuthorPassword);
        await Server.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            // Debian's Chromium, never a downloaded one: this machine and CI reach no browser download site.
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        await SeedAsync();
    }

    /// <summary>A fresh context: its own cookies, the given size, and CSP bypassed so axe can be injected.</summary>
    public async Task<IPage> NewPageAsync(bool asAuthor = false, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Server.BaseUrl.ToString(),
            BypassCSP = true,
            ViewportSize = new() { Width = width, Height = height },
            StorageState = asAuthor ? AuthorStorageState : null,
        });
        // Generous: the machine has two cores and may be building something else at the same time.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    private async Task SeedAsync()
    {
        var page = await NewPageAsync();
        await WorkForms.LogInAsync(page, AuthorName, AuthorPassword);
        AuthorStorageState = await page.Context.StorageStateAsync();

        SeedWorkPath = await WorkForms.PostWorkAsync(page, new NewWork(
            Title: "Letters Folded Into Cranes",
            Chapter1Title: "The First Crane",
            Chapter1Text: "Every morning Haruka folded one letter into a crane and left it on the windowsill.\n\nNobody ever took one, until the Tuesday the rain came sideways.",
            Fandom: SeedFandom,
            Relationships: "Haruka Sendou/Isamu Kuroda",
            Characters: "Haruka Sendou, Isamu Kuroda, Grandmother Sendou",
            AdditionalTags: "Epistolary, Slow Burn, Hurt/Comfort, Rainy Days",
            Summary: "Haruka writes letters to nobody. Somebody writes back.",
            ExpectedChapters: "2"));
        await WorkForms.AddChapterAsync(page, "The Second Crane", "The reply was written on the back of a bus ticket, folded badly, and signed only with an I.");
        await page.Context.CloseAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        await Server.DisposeAsync();
        // The server's log, for a failure that only makes sense from the server's side.
        await File.WriteAllTextAsync(Path.Combine(ResultsDirectory, "server.log"), Server.Output);
    }
}

[CollectionDefinition(Name)]
public sealed class ArchiveCollection : ICollectionFixture<ArchiveFixture>
{
    public const string Name = "Archive in Chromium";
}
