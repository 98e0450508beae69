using Makimono.Hosting;
using Makimono.Tests.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Works;

/// <summary>A refused work leaves no trace: not the work, nor the tags its form would have created.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class WorkValidationTests(TestDatabases databases)
{
    private static readonly Dictionary<string, (string Field, Action<WorkForm, ChapterForm> Break)> Cases = new()
    {
        ["empty title"] = ("Work.Title", (w, _) => w.Title = "   "),
        ["title over 255"] = ("Work.Title", (w, _) => w.Title = new string('t', 256)),
        ["summary over 1250"] = ("Work.Summary", (w, _) => w.Summary = new string('s', 1251)),
        ["no fandom"] = ("Work.Fandoms", (w, _) => w.Fandoms = " , "),
        ["no warning"] = ("Work.WarningIds", (w, _) => w.WarningIds = []),
        ["a category as rating"] = ("Work.RatingId", (w, _) => w.RatingId = Forms.GenId),
        ["published tomorrow"] = ("Work.PublishedOn", (w, _) => w.PublishedOn = new DateOnly(2026, 11, 23)),
        ["76 user tags"] = ("Work.Freeforms", (w, _) => w.Freeforms = string.Join(", ", Enumerable.Range(1, 73).Select(i => $"Extra {i}"))),
        ["^ in a character"] = ("Work.Characters", (w, _) => w.Characters = "Hana^Kiri"),
        ["* in an additional tag"] = ("Work.Freeforms", (w, _) => w.Freeforms = "Fluff*"),
        ["expected chapters not a number"] = ("Work.ExpectedChapters", (w, _) => w.ExpectedChapters = "two"),
        ["bad language code"] = ("Work.Language", (w, _) => w.Language = "English!"),
        ["unknown co-creator"] = ("Work.CoCreators", (w, _) => w.CoCreators = "nobody-here"),
        ["chapter body too short"] = ("Chapter.Body", (_, c) => c.Body = "Too short"),
        ["a rating as a category"] = ("Work.CategoryIds", (w, _) => w.CategoryIds = [Forms.GenId, Forms.GeneralAudiencesId]),
        ["a category as a warning"] = ("Work.WarningIds", (w, _) => w.WarningIds = [Forms.GenId]),
        ["a pseud that does not exist"] = ("Work.PseudId", (w, _) => w.PseudId = 424242),
        ["published in year 1"] = ("Work.PublishedOn", (w, _) => w.PublishedOn = new DateOnly(1, 1, 1)),
        ["1,000 series"] = ("Work.SeriesTitles", (w, _) => w.SeriesTitles = string.Join(", ", Enumerable.Range(1, 1000).Select(i => $"Series {i}"))),
        ["1,000 nested divs in the body"] = ("Chapter.Body", (_, c) => c.Body = Nested("div", 1000, Forms.Body)),
        ["150 nested b in the summary"] = ("Work.Summary", (w, _) => w.Summary = Nested("b", 150, "A dragon arrives.")),
        ["150 unclosed i in the notes"] = ("Work.Notes", (w, _) => w.Notes = string.Concat(Enumerable.Repeat("<i>a", 150))),
    };

    public static TheoryData<DatabaseProvider, string> Rows()
    {
        var rows = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in Providers.Both)
        {
            foreach (var name in Cases.Keys)
            {
                rows.Add(provider, name);
            }
        }
        return rows;
    }

    [Theory, MemberData(nameof(Rows))]
    public async Task Refused_work_stores_nothing(DatabaseProvider provider, string @case)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var kiri = await archive.CreateUserAsync("Kiri");
        var (field, breakForm) = Cases[@case];
        var form = Forms.Work();
        // Tags the form would create if it were accepted; the "76 user tags" case counts these three.
        form.Characters = "New Character";
        form.Relationships = "New Character/Kiri";
        var chapter = Forms.Chapter();
        breakForm(form, chapter);

        var (work, errors) = await SaveWork.CreateAsync(archive.Db, archive.Clock, kiri.Id, form, chapter, post: true, acceptRemovals: false);

        Assert.Null(work);
        Assert.Equal([field], errors.Fields.Keys);
        Assert.False(string.IsNullOrWhiteSpace(errors.Fields[field]));
        // The same context goes on serving the request; whatever the refused form left tracked would be stored now.
        await archive.Db.SaveChangesAsync();
        await using var check = archive.NewContext();
        Assert.Equal(0, await check.Works.CountAsync());
        Assert.Equal(0, await check.Chapters.CountAsync());
        Assert.Equal(0, await check.Series.CountAsync());
        Assert.Equal(17, await check.Tags.CountAsync());
    }

    private static string Nested(string element, int depth, string text) =>
        string.Concat(Enumerable.Repeat($"<{element}>", depth)) + text + string.Concat(Enumerable.Repeat($"</{element}>", depth));

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Counts_the_tags_before_looking_any_up(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var kiri = await archive.CreateUserAsync("Kiri");
        var commands = new CommandCounter();
        await using var db = archive.NewContext(commands);
        var form = Forms.Work();
        form.Freeforms = string.Join(", ", Enumerable.Range(1, 1000).Select(i => $"Extra {i}"));

        var (work, errors) = await SaveWork.CreateAsync(db, archive.Clock, kiri.Id, form, Forms.Chapter(), post: true, acceptRemovals: false);

        Assert.Null(work);
        Assert.Equal("A work can have at most 75 fandom, relationship, character and additional tags together; this one has 1,001.", errors.Fields["Work.Freeforms"]);
        // The fixed tags, the pseuds and the series are read; none of the thousand tags is.
        Assert.True(commands.Count < 10, $"{commands.Count} database commands for a refused form");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Refuses_crediting_another_users_pseud(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var kiri = await archive.CreateUserAsync("Kiri");
        var other = await archive.CreateUserAsync("Other");
        var form = Forms.Work();
        form.PseudId = other.Pseuds.Single().Id;

        var (work, errors) = await SaveWork.CreateAsync(archive.Db, archive.Clock, kiri.Id, form, Forms.Chapter(), post: true, acceptRemovals: false);

        Assert.Null(work);
        Assert.Equal("Choose one of your own pseuds to credit.", Assert.Single(errors.Fields, f => f.Key == "Work.PseudId").Value);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Says_what_is_wrong_with_deep_html(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var kiri = await archive.CreateUserAsync("Kiri");

        var (_, errors) = await SaveWork.CreateAsync(archive.Db, archive.Clock, kiri.Id, Forms.Work(),
            Forms.Chapter(Nested("div", 40_000, Forms.Body)), post: true, acceptRemovals: false);

        Assert.StartsWith("The HTML is nested more than 100 elements deep", errors.Fields["Chapter.Body"]);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Accepts_html_nested_as_deep_as_allowed(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var kiri = await archive.CreateUserAsync("Kiri");
        // Unclosed paragraphs and list items and void elements are not nesting.
        var body = Nested("div", 99, string.Concat(Enumerable.Repeat("<p>Line<br>one<hr><ul><li>a<li>b</ul>", 300)) + Forms.Body);

        await archive.SaveWorkAsync(kiri, body: body);

        await using var check = archive.NewContext();
        Assert.Equal(1, await check.Works.CountAsync());
    }

    private sealed class CommandCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private int _count;

        public int Count => _count;

        public override System.Data.Common.DbCommand CommandInitialized(
            Microsoft.EntityFrameworkCore.Diagnostics.CommandEndEventData eventData, System.Data.Common.DbCommand result)
        {
            Interlocked.Increment(ref _count);
            return result;
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Accepts_every_limit_exactly(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var kiri = await archive.CreateUserAsync("Kiri");

        var work = await archive.SaveWorkAsync(kiri, f =>
        {
            f.Title = new string('t', 255);
            f.Summary = new string('s', 1250);
            f.Fandoms = "Fandom";
            f.Freeforms = string.Join(", ", Enumerable.Range(1, 74).Select(i => $"Extra {i}"));
            f.PublishedOn = archive.Today;
            f.SeriesTitles = string.Join(", ", Enumerable.Range(1, 30).Select(i => $"Series {i}"));
        });

        await using var check = archive.NewContext();
        Assert.Equal(255, (await check.Works.SingleAsync()).Title.Length);
        Assert.Equal(75 + 3, await check.WorkTags.CountAsync(t => t.WorkId == work.Id));
        Assert.Equal(30, await check.SeriesWorks.CountAsync(s => s.WorkId == work.Id));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Names_the_forbidden_character_and_the_lengths(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var kiri = await archive.CreateUserAsync("Kiri");
        var form = Forms.Work(new string('t', 300));
        form.Characters = "Hana^Kiri";

        var (_, errors) = await SaveWork.CreateAsync(archive.Db, archive.Clock, kiri.Id, form, Forms.Chapter(), post: true, acceptRemovals: false);

        Assert.Equal("Titles are at most 255 characters; this one has 300.", errors.Fields["Work.Title"]);
        Assert.Equal("The tag \"Hana^Kiri\" contains the character '^', which tags cannot contain.", errors.Fields["Work.Characters"]);
    }
}
