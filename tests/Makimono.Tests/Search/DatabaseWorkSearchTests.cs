using Makimono.Accounts;
using Makimono.Database;
using Makimono.Hosting;
using Makimono.Search;
using Makimono.Tags;
using Makimono.Tags.Wrangling;
using Makimono.Tests.Database;
using Makimono.Tests.Tags;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Search;

/// <summary>
/// The filter semantics on a hand-built corpus, every expected result written out by title. The corpus (by update
/// time, oldest first):
/// <list type="bullet">
/// <item>Alpha (Kiri): Iron Man (Movies); Fluff; 13 words; 1/1 complete; posted 2026-01-10; 5 kudos</item>
/// <item>Bravo (Kiri): IM Movies (a synonym of Iron Man (Movies)); Angst; 20 words; Japanese; posted 2026-01-10; 50 kudos</item>
/// <item>Charlie (Hana): Naruto, Bleach (a crossover); Fluff; 30 words; 1/1 complete; series Saga; 10 kudos</item>
/// <item>Delta (Hana): Iron Man (Movies), Marvel (not a crossover: Marvel covers both); 40 words; series Saga; 50 kudos</item>
/// <item>Echo (Sora): Naruto; Angst, Fluff; 50 words; 0 kudos</item>
/// <item>Foxtrot (Sora): Naruto, MCU (a crossover); 60 words; 1 kudos</item>
/// </list>
/// Fandoms nest three deep: Iron Man (Movies) → MCU → Marvel.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class DatabaseWorkSearchTests(TestDatabases databases)
{
    private sealed record Corpus(TestArchive Archive, Dictionary<string, Tag> Tags, Dictionary<string, User> Users, Dictionary<int, string> Titles, int SeriesId)
    {
        public async Task<(List<string> Titles, WorkQueryResult Result)> FindAsync(WorkQuery query, ViewerFilters? filters = null, Viewer? viewer = null)
        {
            await using var db = Archive.NewContext();
            var result = await new DatabaseWorkSearch(db).FindAsync(query, viewer ?? Viewer.Guest, filters ?? ViewerFilters.None, default);
            // The same written-out case through the search index, built afresh from the archive as it is now. Text
            // (full-text syntax there, plain words here) and cursors (each engine's own) are the engines' own business.
            if (query.Text is null && query.After is null)
            {
                using var index = await TestIndex.OpenAsync(Archive);
                var indexed = index.Find(query, viewer ?? Viewer.Guest, filters ?? ViewerFilters.None);
                Assert.Equal(result.WorkIds.Select(id => Titles[id]), indexed.WorkIds.Select(id => Titles[id]));
                Assert.Equal(result.Total, indexed.Total);
                Assert.Equal(result.HiddenByViewerFilters, indexed.HiddenByViewerFilters);
                Assert.Equal(result.Facets.Keys.Order(), indexed.Facets.Keys.Order());
                Assert.All(result.Facets, f => Assert.Equal(f.Value, indexed.Facets[f.Key]));
            }
            return (result.WorkIds.Select(id => Titles[id]).ToList(), result);
        }

        public async Task<List<string>> TitlesAsync(WorkQuery query, ViewerFilters? filters = null) => (await FindAsync(query, filters)).Titles;

        public int Id(string tag) => Tags[tag].Id;
    }

    private static async Task<Corpus> BuildAsync(TestArchive archive)
    {
        var admin = await archive.CreateUserAsync("Admin", isAdmin: true);
        var users = new Dictionary<string, User>();
        foreach (var name in new[] { "Kiri", "Hana", "Sora" })
        {
            users[name] = await archive.CreateUserAsync(name);
        }
        var tags = new Dictionary<string, Tag>();
        foreach (var name in new[] { "Marvel", "MCU", "Iron Man (Movies)", "Naruto", "Bleach" })
        {
            tags[name] = await archive.TagAsync(name, TagType.Fandom);
        }
        (await MetaTags.AddAsync(archive.Db, archive.Clock, admin.AsViewer(), tags["MCU"].Id, tags["Marvel"].Id)).Ok();
        (await MetaTags.AddAsync(archive.Db, archive.Clock, admin.AsViewer(), tags["Iron Man (Movies)"].Id, tags["MCU"].Id)).Ok();
        var titles = new Dictionary<int, string>();
        var rows = new (string Title, string Author, string Fandoms, string Freeforms, int Words, bool OneShot, string Language, DateOnly? Posted, string? Series, int Kudos)[]
        {
            ("Alpha", "Kiri", "Iron Man (Movies)", "Fluff", 13, true, "en", new DateOnly(2026, 1, 10), null, 5),
            ("Bravo", "Kiri", "IM Movies", "Angst", 20, false, "ja", new DateOnly(2026, 1, 10), null, 50),
            ("Charlie", "Hana", "Naruto, Bleach", "Fluff", 30, true, "en", null, "Saga", 10),
            ("Delta", "Hana", "Iron Man (Movies), Marvel", "", 40, false, "en", null, "Saga", 50),
            ("Echo", "Sora", "Naruto", "Angst, Fluff", 50, false, "en", null, null, 0),
            ("Foxtrot", "Sora", "Naruto, MCU", "", 60, false, "en", null, null, 1),
        };
        foreach (var row in rows)
        {
            archive.Clock.Advance(TimeSpan.FromHours(1));
            var work = await archive.SaveWorkAsync(users[row.Author], f =>
            {
                f.Title = row.Title;
                f.Fandoms = row.Fandoms;
                f.Freeforms = row.Freeforms;
                f.ExpectedChapters = row.OneShot ? "1" : "?";
                f.Language = row.Language;
                f.PublishedOn = row.Posted;
                f.SeriesTitles = row.Series;
            }, body: string.Join(' ', Enumerable.Repeat("word", row.Words)));
            work.KudosCount = row.Kudos;
            work.HitCount = row.Kudos * 10;
            await archive.Db.SaveChangesAsync();
            titles[work.Id] = row.Title;
        }
        // The synonym is merged after its work was posted, so the work reaches Marvel through a wrangling refresh.
        var synonym = await archive.FindTagAsync("IM Movies");
        (await MergeTag.RunAsync(archive.Db, archive.Clock, admin.AsViewer(), synonym.Id, tags["Iron Man (Movies)"].Id)).Ok();
        tags["Fluff"] = await archive.FindTagAsync("Fluff");
        tags["Angst"] = await archive.FindTagAsync("Angst");
        var seriesId = await archive.Db.Series.Where(s => s.Title == "Saga").Select(s => s.Id).SingleAsync();
        return new Corpus(archive, tags, users, titles, seriesId);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Tag_filters_cover_synonyms_and_sub_tags_three_deep_and_exclude(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var corpus = await BuildAsync(archive);

        Assert.Equal(["Foxtrot", "Delta", "Bravo", "Alpha"], await corpus.TitlesAsync(new WorkQuery { IncludeTagIds = [corpus.Id("Marvel")] }));
        Assert.Equal(["Delta", "Bravo", "Alpha"], await corpus.TitlesAsync(new WorkQuery { IncludeTagIds = [corpus.Id("Iron Man (Movies)")] }));
        Assert.Equal(["Foxtrot", "Delta", "Alpha"], await corpus.TitlesAsync(new WorkQuery { IncludeTagIds = [corpus.Id("Marvel")], ExcludeTagIds = [corpus.Id("Angst")] }));
        Assert.Equal(["Foxtrot"], await corpus.TitlesAsync(new WorkQuery { IncludeTagIds = [corpus.Id("Marvel"), corpus.Id("Naruto")] }));
        Assert.Equal(["Foxtrot", "Delta"], await corpus.TitlesAsync(new WorkQuery { ExcludeTagIds = [corpus.Id("Fluff"), corpus.Id("Angst")] }));
        Assert.Equal(["Foxtrot", "Echo", "Charlie"], await corpus.TitlesAsync(new WorkQuery { ExcludeTagIds = [corpus.Id("Iron Man (Movies)")] }));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Crossovers_are_works_whose_fandoms_have_no_common_fandom_and_follow_wrangling(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var corpus = await BuildAsync(archive);

        Assert.Equal(["Foxtrot", "Charlie"], await corpus.TitlesAsync(new WorkQuery { Crossovers = CrossoverFilter.Only }));
        Assert.Equal(["Echo", "Delta", "Bravo", "Alpha"], await corpus.TitlesAsync(new WorkQuery { Crossovers = CrossoverFilter.Exclude }));
        Assert.Equal(6, (await corpus.FindAsync(new WorkQuery { Crossovers = CrossoverFilter.Include })).Result.Total);

        // Naruto and Bleach get a common meta fandom: Charlie is no longer a crossover, Foxtrot still is.
        var admin = (await archive.Db.Users.SingleAsync(u => u.UserName == "Admin")).AsViewer();
        var jump = await archive.TagAsync("Shonen Jump", TagType.Fandom);
        (await MetaTags.AddAsync(archive.Db, archive.Clock, admin, corpus.Id("Naruto"), jump.Id)).Ok();
        (await MetaTags.AddAsync(archive.Db, archive.Clock, admin, corpus.Id("Bleach"), jump.Id)).Ok();
        Assert.Equal(["Foxtrot"], await corpus.TitlesAsync(new WorkQuery { Crossovers = CrossoverFilter.Only }));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Other_filters_and_ranges_and_scopes(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var corpus = await BuildAsync(archive);

        Assert.Equal(["Charlie", "Alpha"], await corpus.TitlesAsync(new WorkQuery { CompleteOnly = true }));
        Assert.Equal(["Charlie", "Alpha"], await corpus.TitlesAsync(new WorkQuery { SingleChapterOnly = true }));
        Assert.Equal(["Bravo"], await corpus.TitlesAsync(new WorkQuery { Language = "ja" }));
        Assert.Equal(["Delta", "Charlie"], await corpus.TitlesAsync(new WorkQuery { Words = new(25, 45) }));
        Assert.Equal(["Foxtrot", "Echo"], await corpus.TitlesAsync(new WorkQuery { Words = new(45, null) }));
        Assert.Equal(["Delta", "Charlie", "Bravo"], await corpus.TitlesAsync(new WorkQuery { Kudos = new(10, null) }));
        Assert.Equal(["Foxtrot", "Echo", "Alpha"], await corpus.TitlesAsync(new WorkQuery { Hits = new(null, 50) }));
        Assert.Equal(["Bravo", "Alpha"], await corpus.TitlesAsync(new WorkQuery { Posted = new(null, new DateOnly(2026, 6, 1)) }));
        Assert.Equal(["Foxtrot", "Echo", "Delta", "Charlie"], await corpus.TitlesAsync(new WorkQuery { Posted = new(new DateOnly(2026, 6, 1), null) }));
        Assert.Empty(await corpus.TitlesAsync(new WorkQuery { Updated = new(null, new DateOnly(2026, 6, 1)) }));
        Assert.Equal(["Bravo", "Alpha"], await corpus.TitlesAsync(new WorkQuery { CreatorUserId = corpus.Users["Kiri"].Id }));
        Assert.Equal(["Delta", "Charlie"], await corpus.TitlesAsync(new WorkQuery { SeriesId = corpus.SeriesId }));
        Assert.Equal(["Charlie"], await corpus.TitlesAsync(new WorkQuery { Text = "CHARLIE" }));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Completion_is_any_complete_only_or_in_progress_only(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var corpus = await BuildAsync(archive);

        Assert.Equal(["Foxtrot", "Echo", "Delta", "Charlie", "Bravo", "Alpha"], await corpus.TitlesAsync(new WorkQuery { Completion = CompletionFilter.Any }));
        Assert.Equal(["Charlie", "Alpha"], await corpus.TitlesAsync(new WorkQuery { Completion = CompletionFilter.Complete }));
        Assert.Equal(["Foxtrot", "Echo", "Delta", "Bravo"], await corpus.TitlesAsync(new WorkQuery { Completion = CompletionFilter.InProgress }));
        Assert.Equal(["Echo", "Delta"], await corpus.TitlesAsync(new WorkQuery { Completion = CompletionFilter.InProgress, Words = new(35, 55) }));
        var (naruto, result) = await corpus.FindAsync(new WorkQuery { IncludeTagIds = [corpus.Id("Naruto")], Completion = CompletionFilter.InProgress, FacetTypes = [TagType.Fandom] });
        Assert.Equal(["Foxtrot", "Echo"], naruto);
        Assert.Equal([(corpus.Id("Naruto"), 2), (corpus.Id("Marvel"), 1), (corpus.Id("MCU"), 1)], result.Facets[TagType.Fandom].Select(f => (f.TagId, f.Count)));

        // A tag page answered from the index's kept counts and order must not skip the filter either.
        using var kept = await TestIndex.OpenAsync(archive, tagListingMinWorks: 0);
        Assert.Equal(["Foxtrot", "Echo"], kept.Find(new WorkQuery { IncludeTagIds = [corpus.Id("Naruto")], Completion = CompletionFilter.InProgress }).WorkIds.Select(id => corpus.Titles[id]));
        Assert.Equal(["Charlie"], kept.Find(new WorkQuery { IncludeTagIds = [corpus.Id("Naruto")], Completion = CompletionFilter.Complete }).WorkIds.Select(id => corpus.Titles[id]));
        Assert.Equal(4, kept.Find(new WorkQuery { Completion = CompletionFilter.InProgress }).Total);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Every_sort_ends_with_the_id_so_ties_keep_one_order(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var corpus = await BuildAsync(archive);

        Assert.Equal(["Foxtrot", "Echo", "Delta", "Charlie", "Bravo", "Alpha"], await corpus.TitlesAsync(new WorkQuery()));
        Assert.Equal(["Delta", "Bravo", "Charlie", "Alpha", "Foxtrot", "Echo"], await corpus.TitlesAsync(new WorkQuery { Sort = WorkSort.Kudos }));
        Assert.Equal(["Echo", "Foxtrot", "Alpha", "Charlie", "Bravo", "Delta"], await corpus.TitlesAsync(new WorkQuery { Sort = WorkSort.Kudos, Descending = false }));
        Assert.Equal(["Delta", "Bravo", "Charlie", "Alpha", "Foxtrot", "Echo"], await corpus.TitlesAsync(new WorkQuery { Sort = WorkSort.Hits }));
        Assert.Equal(["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"], await corpus.TitlesAsync(new WorkQuery { Sort = WorkSort.Title, Descending = false }));
        Assert.Equal(["Foxtrot", "Echo", "Delta", "Charlie", "Bravo", "Alpha"], await corpus.TitlesAsync(new WorkQuery { Sort = WorkSort.Words }));
        Assert.Equal(["Charlie", "Delta", "Alpha", "Bravo", "Echo", "Foxtrot"], await corpus.TitlesAsync(new WorkQuery { Sort = WorkSort.Creator, Descending = false }));
        Assert.Equal(["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"], await corpus.TitlesAsync(new WorkQuery { Sort = WorkSort.DatePosted, Descending = false }));
        // Comments and bookmarks are all 0: the id alone orders them.
        Assert.Equal(["Foxtrot", "Echo", "Delta", "Charlie", "Bravo", "Alpha"], await corpus.TitlesAsync(new WorkQuery { Sort = WorkSort.Comments }));
        Assert.Equal(["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"], await corpus.TitlesAsync(new WorkQuery { Sort = WorkSort.Bookmarks, Descending = false }));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Facets_count_the_top_tags_of_each_type_among_the_results(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var corpus = await BuildAsync(archive);

        var (_, result) = await corpus.FindAsync(new WorkQuery { IncludeTagIds = [corpus.Id("Marvel")], FacetTypes = [TagType.Fandom, TagType.Freeform, TagType.Rating] });

        Assert.Equal([(corpus.Id("Marvel"), 4), (corpus.Id("MCU"), 4), (corpus.Id("Iron Man (Movies)"), 3), (corpus.Id("Naruto"), 1)],
            result.Facets[TagType.Fandom].Select(f => (f.TagId, f.Count)));
        // Equal counts are ordered by tag id: Fluff was typed first.
        Assert.Equal([(corpus.Id("Fluff"), 1), (corpus.Id("Angst"), 1)], result.Facets[TagType.Freeform].Select(f => (f.TagId, f.Count)));
        Assert.Equal([(Works.Forms.GeneralAudiencesId, 4)], result.Facets[TagType.Rating].Select(f => (f.TagId, f.Count)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Muting_and_the_blocklist_leave_works_out_of_results_and_counts_and_say_how_many(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var corpus = await BuildAsync(archive);
        var muteSora = new ViewerFilters(new HashSet<int> { corpus.Users["Sora"].Id }, new HashSet<int>());
        var blockFluff = new ViewerFilters(new HashSet<int>(), new HashSet<int> { corpus.Id("Fluff") });
        var both = new ViewerFilters(muteSora.MutedUserIds, blockFluff.BlockedTagIds);
        // Blocking a meta tag blocks everything under it, synonyms included.
        var blockMcu = new ViewerFilters(new HashSet<int>(), new HashSet<int> { corpus.Id("MCU") });

        var (muted, mutedResult) = await corpus.FindAsync(new WorkQuery { FacetTypes = [TagType.Fandom] }, muteSora);
        Assert.Equal(["Delta", "Charlie", "Bravo", "Alpha"], muted);
        Assert.Equal((4, 2), (mutedResult.Total, mutedResult.HiddenByViewerFilters));
        Assert.Equal([(corpus.Id("Marvel"), 3), (corpus.Id("MCU"), 3), (corpus.Id("Iron Man (Movies)"), 3), (corpus.Id("Naruto"), 1), (corpus.Id("Bleach"), 1)],
            mutedResult.Facets[TagType.Fandom].Select(f => (f.TagId, f.Count)));

        var (blocked, blockedResult) = await corpus.FindAsync(new WorkQuery(), blockFluff);
        Assert.Equal(["Foxtrot", "Delta", "Bravo"], blocked);
        Assert.Equal((3, 3), (blockedResult.Total, blockedResult.HiddenByViewerFilters));

        var (neither, neitherResult) = await corpus.FindAsync(new WorkQuery(), both);
        Assert.Equal(["Delta", "Bravo"], neither);
        Assert.Equal((2, 4), (neitherResult.Total, neitherResult.HiddenByViewerFilters));

        Assert.Equal(["Echo", "Charlie"], await corpus.TitlesAsync(new WorkQuery(), blockMcu));
        // Within a filtered listing only the works the filters took from it count as hidden.
        var (_, scoped) = await corpus.FindAsync(new WorkQuery { IncludeTagIds = [corpus.Id("Iron Man (Movies)")] }, both);
        Assert.Equal((2, 1), (scoped.Total, scoped.HiddenByViewerFilters));
    }

    /// <summary>45 works whose kudos, hits and titles repeat, so page boundaries fall inside runs of equal keys.</summary>
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Search_after_pages_give_the_same_works_as_offset_pages_in_every_sort(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var authors = new[] { await archive.CreateUserAsync("Kiri"), await archive.CreateUserAsync("Hana") };
        for (var i = 0; i < 45; i++)
        {
            var work = await archive.SaveWorkAsync(authors[i % 2], f => f.Title = $"Work {i % 7}");
            work.KudosCount = i % 3;
            work.HitCount = i % 5;
            if (i % 4 == 0)
            {
                archive.Clock.Advance(TimeSpan.FromMinutes(1));
            }
        }
        await archive.Db.SaveChangesAsync();

        foreach (var sort in Enum.GetValues<WorkSort>())
        {
            foreach (var descending in new[] { true, false })
            {
                await using var db = archive.NewContext();
                var search = new DatabaseWorkSearch(db);
                var byOffset = new List<int>();
                for (var page = 1; page <= 3; page++)
                {
                    byOffset.AddRange((await search.FindAsync(new WorkQuery { Sort = sort, Descending = descending, Page = page }, Viewer.Guest, ViewerFilters.None, default)).WorkIds);
                }
                var byCursor = new List<int>();
                string? after = null;
                for (var page = 1; page <= 3; page++)
                {
                    var result = await search.FindAsync(new WorkQuery { Sort = sort, Descending = descending, After = after }, Viewer.Guest, ViewerFilters.None, default);
                    byCursor.AddRange(result.WorkIds);
                    after = result.NextAfter;
                    Assert.Equal(page < 3, after is not null);
                }
                Assert.Equal(45, byOffset.Distinct().Count());
                Assert.True(byOffset.SequenceEqual(byCursor), $"{sort} {(descending ? "descending" : "ascending")}: cursor pages differ from offset pages");
            }
        }
    }

    /// <summary>40 works: the second page is full and the last one, so neither engine offers a cursor to an empty third page.</summary>
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_full_last_page_has_no_next_cursor_in_the_database_or_the_index(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        for (var i = 0; i < 40; i++)
        {
            archive.Clock.Advance(TimeSpan.FromMinutes(1));
            await archive.SaveWorkAsync(author, f => (f.Title, f.ExpectedChapters) = ($"Work {i}", i % 2 == 0 ? "1" : "?"));
        }
        await using var db = archive.NewContext();
        using var index = await TestIndex.OpenAsync(archive);
        using var kept = await TestIndex.OpenAsync(archive, tagListingMinWorks: 0);
        var engines = new (string Name, Func<WorkQuery, Task<WorkQueryResult>> Find)[]
        {
            ("database", q => new DatabaseWorkSearch(db).FindAsync(q, Viewer.Guest, ViewerFilters.None, default)),
            ("index", q => Task.FromResult(index.Find(q))),
            ("index, kept order", q => Task.FromResult(kept.Find(q))),
        };
        foreach (var (name, find) in engines)
        {
            // Every work (the home listing, the kept order's case), and a filter that leaves exactly 20 (one full page).
            foreach (var (query, pages) in new[] { (new WorkQuery(), 2), (new WorkQuery { Completion = CompletionFilter.Complete }, 1) })
            {
                var page = await find(query);
                for (var number = 2; number <= pages; number++)
                {
                    Assert.True(page.NextAfter is not null, $"{name}: page {number - 1} of {pages} has no cursor to the next");
                    var byOffset = await find(query with { Page = number });
                    Assert.Equal(20, byOffset.WorkIds.Count);
                    Assert.True(byOffset.NextAfter is null, $"{name}: the full last page {number} by offset has a next cursor");
                    page = await find(query with { Page = number, After = page.NextAfter });
                    Assert.Equal(byOffset.WorkIds, page.WorkIds);
                }
                Assert.Equal(20, page.WorkIds.Count);
                Assert.True(page.NextAfter is null, $"{name}: the full last page of {query} has a next cursor");
            }
        }
    }
}
