using Makimono.Accounts;
using Makimono.Dev;
using Makimono.Hosting;
using Makimono.Search;
using Makimono.Tags;
using Makimono.Tests.Database;
using Makimono.Tests.Tags;

namespace Makimono.Tests.Search;

/// <summary>
/// The index's facet counting (<c>FacetCounter</c>: pooled counters, one-pass top ten per type) and its bitset walk of
/// several included tags, pinned against the database's answer on a generated AO3-shaped archive, where each type has
/// far more than ten tags among the results and tied counts order by tag id.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class FacetCountTests(TestDatabases databases)
{
    private static readonly TagType[] AllTypes =
        [TagType.Rating, TagType.ArchiveWarning, TagType.Category, TagType.Fandom, TagType.Relationship, TagType.Character, TagType.Freeform];

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Facet_counts_and_pages_of_AO3_filters_on_a_generated_archive_are_the_databases(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        await using (var db = archive.NewContext())
        {
            await CorpusGenerator.RunAsync(db, new GenerateOptions(3_000, 7, 0), null, CancellationToken.None);
        }
        using var index = await TestIndex.OpenAsync(archive);
        var admin = await archive.CreateUserAsync("Boss", isAdmin: true);

        async Task<WorkQueryResult> FromDatabase(WorkQuery query, Viewer viewer)
        {
            await using var db = archive.NewContext();
            return await new DatabaseWorkSearch(db).FindAsync(query, viewer, ViewerFilters.None, CancellationToken.None);
        }
        var everything = await FromDatabase(new WorkQuery { FacetTypes = AllTypes }, Viewer.Guest);
        var fandom = everything.Facets[TagType.Fandom][0].TagId;
        var inFandom = await FromDatabase(new WorkQuery { IncludeTagIds = [fandom], FacetTypes = AllTypes }, Viewer.Guest);
        var character = inFandom.Facets[TagType.Character][0].TagId;
        var freeforms = inFandom.Facets[TagType.Freeform].Select(f => f.TagId).ToList();
        // The generator's ids: General Audiences 2, Teen 3; warnings 12 (violence) and 14 (no warnings apply); category 24.
        const int general = 2, teen = 3, violence = 12, noWarnings = 14, category = 24;
        var queries = new List<WorkQuery>
        {
            // ao3_filter's shape: a fandom, a character, a rating included; a warning and two freeforms excluded.
            new() { IncludeTagIds = [fandom, character, general], ExcludeTagIds = [violence, freeforms[1], freeforms[2]], CompleteOnly = true, Words = new(1000, 50000), Sort = WorkSort.Kudos, FacetTypes = AllTypes },
            // ao3_filter_broad's shape, and the same on page 2.
            new() { IncludeTagIds = [fandom, teen], ExcludeTagIds = [violence], CompleteOnly = true, Words = new(1000, 50000), Sort = WorkSort.Kudos, FacetTypes = AllTypes },
            new() { IncludeTagIds = [fandom, teen], ExcludeTagIds = [violence], CompleteOnly = true, Sort = WorkSort.Kudos, Page = 2, FacetTypes = AllTypes },
            // Tags on hundreds of works each: their bitsets are ANDed a word at a time.
            new() { IncludeTagIds = [general, noWarnings], FacetTypes = AllTypes, Sort = WorkSort.Kudos },
            new() { IncludeTagIds = [category, teen, noWarnings], ExcludeTagIds = [freeforms[0]], FacetTypes = AllTypes, Sort = WorkSort.Title, Descending = false },
            new() { IncludeTagIds = [general, noWarnings, category], Words = new(2000, null), FacetTypes = [TagType.Freeform, TagType.Character], Sort = WorkSort.Words, Page = 3 },
            // No included tag: every work is walked and counted.
            new() { CompleteOnly = true, FacetTypes = AllTypes },
            new() { IncludeTagIds = [fandom], ExcludeTagIds = [general], FacetTypes = AllTypes, Sort = WorkSort.DatePosted },
        };
        var failures = new List<string>();
        var longLists = 0;
        var ties = 0;
        foreach (var query in queries)
        {
            foreach (var viewer in new[] { Viewer.Guest, admin.AsViewer() })
            {
                var expected = await FromDatabase(query, viewer);
                var got = index.Find(query, viewer);
                var same = expected.Total == got.Total && expected.WorkIds.SequenceEqual(got.WorkIds)
                    && expected.Facets.Count == got.Facets.Count && expected.Facets.All(f => got.Facets[f.Key].SequenceEqual(f.Value));
                if (!same)
                {
                    static string Facets(WorkQueryResult r) => string.Join(" ", r.Facets.OrderBy(f => f.Key).Select(f => $"{f.Key}: {string.Join(",", f.Value.Select(c => $"{c.TagId}={c.Count}"))}"));
                    failures.Add($"tags {string.Join(",", query.IncludeTagIds)} -{string.Join(",", query.ExcludeTagIds)} as {viewer}: "
                        + $"database {expected.Total} [{string.Join(",", expected.WorkIds)}] {Facets(expected)}, index {got.Total} [{string.Join(",", got.WorkIds)}] {Facets(got)}");
                }
                longLists += expected.Facets.Values.Count(list => list.Count == WorkQuery.FacetSize);
                ties += expected.Facets.Values.Count(list => list.Count == WorkQuery.FacetSize && list[^1].Count == list[^2].Count);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // The top-ten cut was exercised: full lists, some of them ending in tied counts, which order by tag id.
        Assert.True(longLists >= 10, $"{longLists} full facet lists");
        Assert.True(ties >= 3, $"{ties} lists ending in a tie");
    }
}
