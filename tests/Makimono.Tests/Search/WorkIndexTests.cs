using Makimono.Accounts;
using Makimono.Hosting;
using Makimono.Search;
using Makimono.Search.Index;
using Makimono.Tags;
using Makimono.Tags.Wrangling;
using Makimono.Tests.Database;
using Makimono.Tests.Tags;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Makimono.Tests.Search;

[Collection(DatabaseCollection.Name)]
public sealed class WorkIndexTests(TestDatabases databases)
{
    /// <summary>Five posted works and a draft, written out so each expected set below can be checked by eye.</summary>
    private sealed record Corpus(TestArchive Archive, User Author, Dictionary<string, int> Ids)
    {
        public string[] Titles(IEnumerable<int> ids) => ids.Select(id => Ids.Single(p => p.Value == id).Key).Order().ToArray();
    }

    private static async Task<Corpus> CorpusAsync(TestArchive archive)
    {
        var author = await archive.CreateUserAsync("Kiri");
        var ids = new Dictionary<string, int>();
        async Task Add(string title, string fandoms, string characters, string freeforms, int rating, string body, string language = "en", bool post = true)
        {
            var work = await archive.SaveWorkAsync(author, f =>
            {
                f.Title = title;
                f.Fandoms = fandoms;
                f.Characters = characters;
                f.Freeforms = freeforms;
                f.RatingId = rating;
                f.Language = language;
            }, post, $"<p>{body}</p>");
            ids[title] = work.Id;
        }
        await Add("Silver Rain", "Naruto", "Hatake Kakashi, Umino Iruka", "Coffee Shop AU", 3, "Kakashi poured the coffee while the silver rain fell on Konoha.");
        await Add("Ramen Nights", "Naruto", "Uzumaki Naruto", "Fluff", 2, "Naruto ate ramen every night and never tired of it.");
        await Add("Hollow Crown", "Bleach", "Kurosaki Ichigo", "Angst", 4, "The silver crown was hollow, and Ichigo knew it.");
        await Add("Crossing Over", "Naruto, Bleach", "Hatake Kakashi, Kurosaki Ichigo", "Fluff", 2, "Kakashi met Ichigo at a coffee shop between worlds.");
        await Add("雨の日", "Naruto", "Hatake Kakashi", "Rain", 2, "東京の雨の日に、カカシは本を読んでいた。", "ja");
        await Add("Secret Draft", "Naruto", "Hatake Kakashi", "Coffee Shop AU", 2, "Kakashi keeps a secret coffee recipe.", post: false);
        return new Corpus(archive, author, ids);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Tag_filters_and_full_text_give_the_written_out_sets(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var corpus = await CorpusAsync(archive);
        using var index = await TestIndex.OpenAsync(archive);
        var naruto = (await archive.FindTagAsync("Naruto")).Id;
        var bleach = (await archive.FindTagAsync("Bleach")).Id;
        var kakashi = (await archive.FindTagAsync("Hatake Kakashi")).Id;
        string[] Found(WorkQuery query) => corpus.Titles(index.All(query));
        string[] Text(string text) => Found(new WorkQuery { Text = text });

        Assert.Equal(["Crossing Over", "Ramen Nights", "Silver Rain", "雨の日"], Found(new WorkQuery { IncludeTagIds = [naruto] }));
        Assert.Equal(["Ramen Nights", "Silver Rain", "雨の日"], Found(new WorkQuery { IncludeTagIds = [naruto], ExcludeTagIds = [bleach] }));
        Assert.Equal(["Crossing Over", "Silver Rain", "雨の日"], Found(new WorkQuery { IncludeTagIds = [kakashi] }));
        Assert.Equal(["Silver Rain"], Found(new WorkQuery { IncludeTagIds = [naruto, 3] }));
        Assert.Equal(["雨の日"], Found(new WorkQuery { Language = "ja" }));

        Assert.Equal(["Crossing Over", "Silver Rain"], Text("coffee"));
        Assert.Equal(["Crossing Over", "Silver Rain"], Text("\"coffee shop\""));
        Assert.Equal(["Silver Rain"], Text("pour"));
        Assert.Equal(["Crossing Over", "Silver Rain", "雨の日"], Text("kaka*"));
        Assert.Equal(["Crossing Over", "Silver Rain", "雨の日"], Text("character:Kakashi"));
        Assert.Equal(["Crossing Over", "Hollow Crown"], Text("fandom:\"Bleach\""));
        Assert.Equal(["Silver Rain"], Text("\"silver fell\"~3"));
        Assert.Empty(Text("\"silver fell\""));
        Assert.Equal(["雨の日"], Text("カカシ"));
        Assert.Equal(["雨の日"], Text("東京"));
        Assert.Equal(["Ramen Nights"], Text("ramen words>=10"));
        Assert.Empty(Text("ramen words>10"));
        Assert.Equal(["Crossing Over", "Silver Rain"], Text("title:silver OR summary:nothing OR body:worlds"));

        // The OR-with-NOT cases: NOT keeps its meaning inside OR.
        Assert.Equal(["Crossing Over", "Hollow Crown", "Ramen Nights", "Silver Rain", "雨の日"], Text("kakashi OR NOT coffee"));
        Assert.Equal(["Hollow Crown", "Ramen Nights", "雨の日"], Text("NOT coffee OR ramen"));
        Assert.Equal(["Ramen Nights", "Silver Rain"], Text("silver -crown OR ramen"));
        Assert.Equal(["Hollow Crown", "Ramen Nights", "雨の日"], Text("NOT coffee"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_query_that_cannot_be_read_is_answered_with_the_error_not_with_an_empty_page(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        await CorpusAsync(archive);
        using var index = await TestIndex.OpenAsync(archive);

        var result = index.Find(new WorkQuery { Text = "coffee OR" });

        Assert.NotNull(result.TextError);
        Assert.Equal(7, result.TextError.Position);
        Assert.Equal("coffee", result.TextError.Suggestion);
        Assert.Equal(2, index.Find(new WorkQuery { Text = result.TextError.Suggestion }).Total);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_full_text_hit_comes_with_a_highlighted_passage_from_its_chapter(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var corpus = await CorpusAsync(archive);
        var author = corpus.Author;
        var work = await archive.SaveWorkAsync(author, f => f.Title = "Two Chapters", body: "<p>The first chapter is about tea.</p>");
        await using (var db = archive.NewContext())
        {
            var stored = await db.Works.Include(w => w.Chapters).SingleAsync(w => w.Id == work.Id);
            stored.Chapters.Add(new Chapter { Body = "<p>The second chapter finds the <em>lighthouse</em> & its keeper.</p>", Position = 2, PublishedOn = archive.Today, UpdatedAt = archive.Clock.GetUtcNow().UtcDateTime, WordCount = 9 });
            stored.PostedChapterCount = 2;
            await db.SaveChangesAsync();
        }
        using var index = await TestIndex.OpenAsync(archive);
        await using var reading = archive.NewContext();
        var search = new IndexWorkSearch(index.Index, new DatabaseWorkSearch(reading), reading);

        var result = await search.FindAsync(new WorkQuery { Text = "lighthouse keeper" }, Viewer.Guest, ViewerFilters.None, CancellationToken.None);

        var id = Assert.Single(result.WorkIds);
        var second = await reading.Chapters.SingleAsync(c => c.WorkId == id && c.Position == 2);
        Assert.Equal(second.Id, result.Snippets[id].ChapterId);
        Assert.Equal("The second chapter finds the <mark>lighthouse</mark> &amp; its <mark>keeper</mark>.", result.Snippets[id].Html);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Drafts_hidden_and_restricted_works_never_reach_results_counts_or_facets_of_those_who_may_not_see_them(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var reader = await archive.CreateUserAsync("Hana");
        var admin = await archive.CreateUserAsync("Boss", isAdmin: true);
        await archive.SaveWorkAsync(author, f => { f.Title = "Open"; f.Characters = "Visible Person"; });
        await archive.SaveWorkAsync(author, f => { f.Title = "Draft"; f.Characters = "Draft Person"; }, post: false);
        await archive.SaveWorkAsync(author, f => { f.Title = "Locked"; f.Characters = "Locked Person"; f.IsRestricted = true; });
        var hidden = await archive.SaveWorkAsync(author, f => { f.Title = "Hidden"; f.Characters = "Hidden Person"; });
        hidden.IsHidden = true;
        await archive.Db.SaveChangesAsync();
        using var index = await TestIndex.OpenAsync(archive);
        var query = new WorkQuery { Text = "person", FacetTypes = [TagType.Character] };

        async Task<string> SeenBy(Viewer viewer)
        {
            var result = index.Find(query, viewer);
            var names = new List<string>();
            foreach (var facet in result.Facets[TagType.Character])
            {
                names.Add((await archive.Db.Tags.SingleAsync(t => t.Id == facet.TagId)).Name);
            }
            return $"{result.Total}: {string.Join(", ", names.Order())}";
        }

        Assert.Equal("1: Visible Person", await SeenBy(Viewer.Guest));
        Assert.Equal("2: Locked Person, Visible Person", await SeenBy(reader.AsViewer()));
        Assert.Equal("3: Hidden Person, Locked Person, Visible Person", await SeenBy(admin.AsViewer()));
        Assert.Equal("4: Draft Person, Hidden Person, Locked Person, Visible Person", await SeenBy(author.AsViewer()));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Muted_creators_and_blocked_tags_leave_results_and_counts_and_are_counted_as_hidden(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var corpus = await CorpusAsync(archive);
        var other = await archive.CreateUserAsync("Loud");
        var loud = await archive.SaveWorkAsync(other, f => { f.Title = "Loud Work"; f.Fandoms = "Naruto"; });
        corpus.Ids["Loud Work"] = loud.Id;
        using var index = await TestIndex.OpenAsync(archive);
        var naruto = (await archive.FindTagAsync("Naruto")).Id;
        var fluff = (await archive.FindTagAsync("Fluff")).Id;
        var filters = new ViewerFilters(new HashSet<int> { other.Id }, new HashSet<int> { fluff });

        var result = index.Find(new WorkQuery { IncludeTagIds = [naruto], FacetTypes = [TagType.Freeform] }, Viewer.Guest, filters);

        Assert.Equal(["Silver Rain", "雨の日"], corpus.Titles(result.WorkIds));
        Assert.Equal(2, result.Total);
        Assert.Equal(3, result.HiddenByViewerFilters);
        Assert.DoesNotContain(result.Facets[TagType.Freeform], f => f.TagId == fluff);
    }

    /// <summary>25 more works by two authors, with every flag, figure and tag mix the comparisons below need.</summary>
    private static async Task<User> AddMixAsync(Corpus corpus)
    {
        var reader = await corpus.Archive.CreateUserAsync("Hana");
        for (var i = 0; i < 25; i++)
        {
            var n = i;
            await corpus.Archive.SaveWorkAsync(n % 2 == 0 ? corpus.Author : reader, f =>
            {
                f.Title = $"Work {n:D2}";
                f.Fandoms = n % 3 == 0 ? "Naruto" : n % 3 == 1 ? "Bleach" : "Naruto, Bleach";
                f.Characters = n % 4 == 0 ? "Hatake Kakashi" : "Uzumaki Naruto";
                f.Freeforms = n % 5 == 0 ? "Angst" : "Fluff";
                f.RatingId = 2 + n % 3;
                f.IsRestricted = n % 7 == 0;
                f.ExpectedChapters = n % 2 == 0 ? "1" : "?";
            }, post: n % 9 != 0, body: string.Join(' ', Enumerable.Repeat("word", 4 + n * 37 % 50)));
        }
        return reader;
    }

    /// <summary>Every query as every viewer, through the index and through the database (the plain reference): the same pages, totals and facets.</summary>
    private static async Task AssertAnswersAsTheDatabaseAsync(TestArchive archive, TestIndex index, IEnumerable<WorkQuery> queries, Viewer[] viewers)
    {
        var failures = new List<string>();
        foreach (var query in queries)
        {
            foreach (var viewer in viewers)
            {
                await using var db = archive.NewContext();
                var expected = await new DatabaseWorkSearch(db).FindAsync(query, viewer, ViewerFilters.None, CancellationToken.None);
                var got = index.Find(query, viewer);
                var same = expected.Total == got.Total && expected.WorkIds.SequenceEqual(got.WorkIds)
                    && expected.Facets.Count == got.Facets.Count
                    && expected.Facets.All(f => got.Facets[f.Key].SequenceEqual(f.Value));
                if (!same)
                {
                    static string Facets(WorkQueryResult r) => string.Join(" ", r.Facets.OrderBy(f => f.Key).Select(f => $"{f.Key}: {string.Join(",", f.Value.Select(c => $"{c.TagId}={c.Count}"))}"));
                    failures.Add($"{query.Sort} page {query.Page} of tags {string.Join(",", query.IncludeTagIds)} as {viewer}: "
                        + $"database {expected.Total} [{string.Join(",", expected.WorkIds)}] {Facets(expected)}, "
                        + $"index {got.Total} [{string.Join(",", got.WorkIds)}] {Facets(got)}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The index against the database's answer over many filter, sort and facet combinations, with and without the tag-page path.</summary>
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_index_answers_as_the_database_does(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var corpus = await CorpusAsync(archive);
        var reader = await AddMixAsync(corpus);
        var admin = await archive.CreateUserAsync("Boss", isAdmin: true);
        var naruto = (await archive.FindTagAsync("Naruto")).Id;
        var bleach = (await archive.FindTagAsync("Bleach")).Id;
        var angst = (await archive.FindTagAsync("Angst")).Id;
        var queries = new List<WorkQuery>
        {
            new(),
            new() { IncludeTagIds = [naruto], FacetTypes = [TagType.Fandom, TagType.Character, TagType.Freeform, TagType.Rating] },
            new() { IncludeTagIds = [naruto], ExcludeTagIds = [angst], Sort = WorkSort.Words, Descending = false },
            new() { IncludeTagIds = [bleach, 3], Sort = WorkSort.Title, Descending = false },
            new() { Crossovers = CrossoverFilter.Only, Sort = WorkSort.Creator },
            new() { Crossovers = CrossoverFilter.Exclude, CompleteOnly = false, SingleChapterOnly = true },
            new() { Words = new(10, 30), Sort = WorkSort.DatePosted },
            new() { CreatorUserId = reader.Id, FacetTypes = [TagType.Freeform] },
            new() { Page = 2 },
            // A bookmarks or history page's scope: a few ids, a draft and an unknown id among them, with filters and facets.
            new() { WorkIds = [corpus.Ids["Silver Rain"], corpus.Ids["Crossing Over"], corpus.Ids["Secret Draft"], corpus.Ids["Hollow Crown"], 999_999], IncludeTagIds = [naruto], FacetTypes = [TagType.Character], Sort = WorkSort.Title },
            new() { WorkIds = [corpus.Ids["Hollow Crown"], corpus.Ids["Ramen Nights"]], ExcludeTagIds = [angst] },
            new() { IncludeTagIds = [bleach], Page = 2, FacetTypes = [TagType.Fandom] },
            new() { IncludeTagIds = [naruto, naruto], Sort = WorkSort.Kudos, Page = 3 },
        };
        Viewer[] viewers = [Viewer.Guest, reader.AsViewer(), corpus.Author.AsViewer(), admin.AsViewer()];
        foreach (var tagListingMinWorks in new int?[] { null, 0 })
        {
            using var index = await TestIndex.OpenAsync(archive, tagListingMinWorks);
            await AssertAnswersAsTheDatabaseAsync(archive, index, queries, viewers);
        }
    }

    /// <summary>
    /// A tag page (and the listing of every work, the home page's) answered from the tag's kept counts and orders: built
    /// on first view, it stays equal to the database's answer while works arrive, change figures, lose the tag, are
    /// hidden, restricted or deleted.
    /// </summary>
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_tag_page_from_kept_counts_and_orders_answers_as_the_database_does_through_changes(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var corpus = await CorpusAsync(archive);
        var reader = await AddMixAsync(corpus);
        var admin = await archive.CreateUserAsync("Boss", isAdmin: true);
        var naruto = (await archive.FindTagAsync("Naruto")).Id;
        var bleach = (await archive.FindTagAsync("Bleach")).Id;
        var kakashi = (await archive.FindTagAsync("Hatake Kakashi")).Id;
        using var index = await TestIndex.OpenAsync(archive, tagListingMinWorks: 0);
        TagType[] all = [TagType.Rating, TagType.ArchiveWarning, TagType.Category, TagType.Fandom, TagType.Relationship, TagType.Character, TagType.Freeform];
        var queries = (
            from tag in new int?[] { null, naruto, bleach, kakashi }
            from sort in new[] { (WorkSort.DateUpdated, true), (WorkSort.DatePosted, false), (WorkSort.Kudos, true), (WorkSort.Title, false), (WorkSort.Words, true) }
            from page in new[] { 1, 2 }
            select new WorkQuery { IncludeTagIds = tag is int id ? [id] : [], Sort = sort.Item1, Descending = sort.Item2, Page = page, FacetTypes = page == 1 ? all : [] }).ToList();
        // The guest and a user without unlisted works get the kept answer; the authors of drafts are answered the general way.
        Viewer[] viewers = [Viewer.Guest, reader.AsViewer(), corpus.Author.AsViewer(), admin.AsViewer(), (await archive.CreateUserAsync("Mina")).AsViewer()];
        await AssertAnswersAsTheDatabaseAsync(archive, index, queries, viewers);
        Assert.True(index.Index.TagSummaryCount >= 4);

        for (var i = 0; i < 3; i++)
        {
            await archive.SaveWorkAsync(reader, f => { f.Title = $"Late {i}"; f.Fandoms = "Naruto"; f.Characters = "Hatake Kakashi"; });
        }
        await using (var db = archive.NewContext())
        {
            var works = await db.Works.Include(w => w.Filters).OrderBy(w => w.Id).ToListAsync();
            works[1].IsHidden = true;
            works[3].IsRestricted = true;
            works[6].KudosCount = 500;
            works[7].KudosCount = 3;
            works[8].UpdatedAt = works[8].UpdatedAt.AddDays(30);
            works[10].Filters.RemoveAll(f => f.TagId == naruto || f.TagId == bleach);
            db.Works.Remove(works[12]);
            await db.SaveChangesAsync();
        }
        await index.Updater.CatchUpAsync(CancellationToken.None);
        await AssertAnswersAsTheDatabaseAsync(archive, index, queries, viewers);
        var paged = new WorkQuery { IncludeTagIds = [naruto], Sort = WorkSort.Kudos };
        await using (var db = archive.NewContext())
        {
            var byOffset = new List<int>();
            for (var page = 1; page <= 3; page++)
            {
                byOffset.AddRange((await new DatabaseWorkSearch(db).FindAsync(paged with { Page = page }, Viewer.Guest, ViewerFilters.None, CancellationToken.None)).WorkIds);
            }
            Assert.Equal(byOffset, index.All(paged));
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_index_kept_up_from_the_change_log_answers_as_one_rebuilt_from_scratch(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var corpus = await CorpusAsync(archive);
        var admin = await archive.CreateUserAsync("Boss", isAdmin: true);
        using var incremental = await TestIndex.OpenAsync(archive);

        // Posting, editing, wrangling (a merge and a meta tag at depth), hiding and deleting, each caught up in turn.
        var posted = await archive.SaveWorkAsync(corpus.Author, f => { f.Title = "New Lighthouse"; f.Characters = "Kakashi"; f.Freeforms = "CS AU"; });
        await incremental.Updater.CatchUpAsync(CancellationToken.None);
        var canonical = (await archive.FindTagAsync("Hatake Kakashi")).Id;
        (await MakeCanonical.RunAsync(archive.Db, archive.Clock, admin.AsViewer(), canonical)).Ok();
        (await MakeCanonical.RunAsync(archive.Db, archive.Clock, admin.AsViewer(), (await archive.FindTagAsync("Coffee Shop AU")).Id)).Ok();
        (await MergeTag.RunAsync(archive.Db, archive.Clock, admin.AsViewer(), (await archive.FindTagAsync("Kakashi")).Id, canonical)).Ok();
        var au = await archive.TagAsync("Alternate Universe", TagType.Freeform);
        (await MetaTags.AddAsync(archive.Db, archive.Clock, admin.AsViewer(), (await archive.FindTagAsync("Coffee Shop AU")).Id, au.Id)).Ok();
        (await MergeTag.RunAsync(archive.Db, archive.Clock, admin.AsViewer(), (await archive.FindTagAsync("CS AU")).Id, (await archive.FindTagAsync("Coffee Shop AU")).Id)).Ok();
        await incremental.Updater.CatchUpAsync(CancellationToken.None);
        await using (var db = archive.NewContext())
        {
            var ramen = await db.Works.SingleAsync(w => w.Id == corpus.Ids["Ramen Nights"]);
            ramen.IsHidden = true;
            db.Works.Remove(await db.Works.SingleAsync(w => w.Id == corpus.Ids["Hollow Crown"]));
            var crossing = await db.Works.SingleAsync(w => w.Id == corpus.Ids["Crossing Over"]);
            crossing.Title = "Crossing Over Again";
            await db.SaveChangesAsync();
        }
        await incremental.Updater.CatchUpAsync(CancellationToken.None);
        using var rebuilt = await TestIndex.OpenAsync(archive);

        var queries = new List<WorkQuery>
        {
            new() { FacetTypes = [TagType.Fandom, TagType.Character, TagType.Freeform] },
            new() { IncludeTagIds = [canonical] },
            new() { IncludeTagIds = [au.Id], FacetTypes = [TagType.Freeform] },
            new() { Text = "lighthouse OR again" },
            new() { Text = "tags:\"alternate universe\"" },
            new() { Text = "ramen" },
        };
        foreach (var query in queries)
        {
            foreach (var viewer in new[] { Viewer.Guest, admin.AsViewer() })
            {
                var a = incremental.Find(query, viewer);
                var b = rebuilt.Find(query, viewer);
                Assert.Equal(b.WorkIds, a.WorkIds);
                Assert.Equal(b.Total, a.Total);
                Assert.Equal(b.Facets.Keys.Order(), a.Facets.Keys.Order());
                Assert.All(b.Facets, f => Assert.Equal(f.Value, a.Facets[f.Key]));
            }
        }
        // And the changes did arrive: the merged and meta-tagged work is under both canonical tags.
        Assert.Contains(posted.Id, incremental.Find(new WorkQuery { IncludeTagIds = [canonical] }).WorkIds);
        Assert.Contains(posted.Id, incremental.Find(new WorkQuery { IncludeTagIds = [au.Id] }).WorkIds);
        Assert.Equal([posted.Id, corpus.Ids["Crossing Over"]], incremental.Find(new WorkQuery { Text = "lighthouse OR again" }).WorkIds.Order().Reverse());
        Assert.Equal(0, incremental.Find(new WorkQuery { Text = "ramen" }, Viewer.Guest).Total);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_renamed_pseud_or_user_logs_their_works_so_the_index_finds_them_by_the_new_name(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var corpus = await CorpusAsync(archive);
        var other = await archive.CreateUserAsync("Quiet");
        var untouched = await archive.SaveWorkAsync(other, f => f.Title = "Not Kiri's");
        using var index = await TestIndex.OpenAsync(archive);
        var posted = corpus.Ids.Where(p => p.Key != "Secret Draft").Select(p => p.Value).Order().ToList();
        Assert.Equal(posted, index.Find(new WorkQuery { Text = "creator:kiri" }).WorkIds.Order());

        var cursor = new Makimono.Changes.ChangeCursor(archive.Clock);
        await using (var db = archive.NewContext())
        {
            await cursor.StartAtEndAsync(db);
            (await db.Pseuds.SingleAsync(p => p.UserId == corpus.Author.Id)).Name = "Kirigaya";
            await db.SaveChangesAsync();
        }
        await using (var db = archive.NewContext())
        {
            // Every work credited to the pseud, the draft too, and nothing else.
            Assert.Equal(corpus.Ids.Values.Order(), (await cursor.ReadAsync(db)).Select(c => c.WorkId!.Value).Order());
        }
        await index.Updater.CatchUpAsync(CancellationToken.None);
        Assert.Equal(posted, index.Find(new WorkQuery { Text = "creator:kirigaya" }).WorkIds.Order());

        await using (var db = archive.NewContext())
        {
            (await db.Users.SingleAsync(u => u.Id == other.Id)).UserName = "Loud";
            await db.SaveChangesAsync();
        }
        await index.Updater.CatchUpAsync(CancellationToken.None);
        Assert.Equal([untouched.Id], index.Find(new WorkQuery { Text = "creator:loud" }).WorkIds);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Search_after_pages_cover_every_work_once_in_order(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        for (var i = 0; i < 45; i++)
        {
            var n = i;
            await archive.SaveWorkAsync(author, f => f.Title = $"Same {n % 3}");
        }
        using var index = await TestIndex.OpenAsync(archive);
        var query = new WorkQuery { Sort = WorkSort.Title, Descending = false };

        var byCursor = index.All(query);
        var byOffset = Enumerable.Range(1, 3).SelectMany(p => index.Find(query with { Page = p }).WorkIds).ToList();

        Assert.Equal(45, byCursor.Distinct().Count());
        Assert.Equal(byOffset, byCursor);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_posted_work_becomes_findable_through_the_background_service(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        await CorpusAsync(archive);
        var data = Directory.CreateTempSubdirectory("makimono-index-").FullName;
        using var index = new WorkIndex();
        var updater = new IndexUpdater(index, new IndexFolders(data), archive.NewContext, TimeProvider.System, NullLogger<IndexUpdater>.Instance);
        using var service = new IndexService(updater, index, TimeProvider.System, NullLogger<IndexService>.Instance);
        await service.StartAsync(CancellationToken.None);
        try
        {
            await Until(() => index.IsReady);
            var author = await archive.CreateUserAsync("Late");
            var work = await archive.SaveWorkAsync(author, f => f.Title = "Zephyrine", body: "<p>The zephyrine wind.</p>");

            await Until(() => index.Find(new WorkQuery { Text = "zephyrine" }, Viewer.Guest, ViewerFilters.None)?.WorkIds.Contains(work.Id) == true);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
            Directory.Delete(data, recursive: true);
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_damaged_or_missing_index_is_rebuilt_on_open(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var corpus = await CorpusAsync(archive);
        string folder;
        string data;
        using (var first = await TestIndex.OpenAsync(archive))
        {
            folder = first.Folders.Current()!;
            data = first.DataDirectory;
            first.Index.Dispose();
            foreach (var file in Directory.GetFiles(folder))
            {
                File.WriteAllText(file, "not an index");
            }
            using var index = new WorkIndex();
            var updater = new IndexUpdater(index, new IndexFolders(data), archive.NewContext, archive.Clock, NullLogger<IndexUpdater>.Instance);
            await updater.OpenOrRebuildAsync(CancellationToken.None);

            Assert.NotEqual(folder, new IndexFolders(data).Current());
            Assert.Equal(["Crossing Over", "Silver Rain"], corpus.Titles(index.Find(new WorkQuery { Text = "coffee" }, Viewer.Guest, ViewerFilters.None)!.WorkIds));
        }
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Not reached within 60 seconds.");
            await Task.Delay(50);
        }
    }
}
