using Makimono.Accounts;
using Makimono.Search;
using Makimono.Search.Index;
using Makimono.Tags;

namespace Makimono.Bench;

/// <summary>
/// One seeded instance of each query class, picked as the PostgreSQL baseline picks them (../shared/reference/pg-baseline):
/// F uniform among the 20 most used fandoms; A one of the 5 most used characters among F's works; B one of the 10 most
/// used additional tags among them; X, Y two others of those (the baseline takes them from the top 20; our facets give
/// the top 10); Z one of the warnings Violence, Major Character Death, Non-Con or Underage; a rating (General or Teen,
/// one of them: a work query ANDs its tags); complete; 1,000–50,000 words; by kudos.
/// </summary>
internal sealed record Instance(int F, int A, int B, int X, int Y, int Z, int Rating)
{
    public static readonly TagType[] AllTypes =
        [TagType.Rating, TagType.ArchiveWarning, TagType.Category, TagType.Fandom, TagType.Relationship, TagType.Character, TagType.Freeform];

    public WorkQuery TagPage => new() { IncludeTagIds = [F], Sort = WorkSort.DateUpdated };

    public WorkQuery FandomFacets => TagPage with { FacetTypes = AllTypes };

    public WorkQuery DeepPage => TagPage with { Page = 500 };

    public WorkQuery Ao3Filter => new()
    {
        IncludeTagIds = [F, A, B, Rating],
        ExcludeTagIds = [X, Y, Z],
        CompleteOnly = true,
        Words = new(1000, 50000),
        Sort = WorkSort.Kudos,
        FacetTypes = AllTypes,
    };

    public WorkQuery Ao3FilterBroad => Ao3Filter with { IncludeTagIds = [F, B, Rating], ExcludeTagIds = [Z] };

    public static List<Instance> Pick(WorkIndex index, int count, int seed)
    {
        var random = new Random(seed);
        var fandoms = index.Find(new WorkQuery { FacetTypes = [TagType.Fandom] }, Viewer.Guest, ViewerFilters.None)!.Facets[TagType.Fandom]
            .Take(20).Select(f => f.TagId).ToList();
        var tops = fandoms.ToDictionary(f => f, f => index.Find(new WorkQuery { IncludeTagIds = [f], FacetTypes = [TagType.Character, TagType.Freeform] },
            Viewer.Guest, ViewerFilters.None)!.Facets);
        int[] warnings = [12, 13, 15, 16];
        var instances = new List<Instance>();
        for (var i = 0; i < count; i++)
        {
            var f = fandoms[random.Next(fandoms.Count)];
            var characters = tops[f][TagType.Character].Take(5).Select(c => c.TagId).ToList();
            var freeforms = tops[f][TagType.Freeform].Take(10).Select(c => c.TagId).ToList();
            var b = freeforms[random.Next(freeforms.Count)];
            var others = freeforms.Where(x => x != b).OrderBy(_ => random.Next()).Take(2).ToList();
            instances.Add(new Instance(f, characters[random.Next(characters.Count)], b, others[0], others[1],
                warnings[random.Next(warnings.Length)], random.Next(2) == 0 ? 2 : 3));
        }
        return instances;
    }
}
