using Makimono.Accounts;
using Makimono.Search;
using Makimono.Search.Index;
using Makimono.Tags;

namespace Makimono.Bench;

/// <summary>
/// One seeded instance of each query class, drawn as the PostgreSQL baseline draws them (../shared/reference/pg-baseline):
/// F uniform among the 20 most used fandoms; A one of the 5 most used characters among F's works; B one of the 10 most
/// used additional tags among them; X, Y two others of those; Z one of the warnings Violence, Major Character Death,
/// Non-Con or Underage; a rating; complete; 1,000–50,000 words; by kudos. The issue sizes the two AO3 filters: about
/// 100 matches for ao3_filter and about 3,500 for ao3_filter_broad. So each is drawn again (up to
/// <see cref="Draws"/> times, keeping the closest) until its match count is within a factor of √2 of that size; the
/// broad one draws its own fandom, its one included tag among F's top characters, relationships and additional tags,
/// its one excluded warning and its rating.
/// </summary>
internal sealed record Instance(int F, int A, int B, int X, int Y, int Z, int Rating, int BroadF, int BroadB, int BroadZ, int BroadRating)
{
    public const int Ao3FilterSize = 100;
    public const int Ao3FilterBroadSize = 3_500;
    private const int Draws = 400;

    public static readonly TagType[] AllTypes =
        [TagType.Rating, TagType.ArchiveWarning, TagType.Category, TagType.Fandom, TagType.Relationship, TagType.Character, TagType.Freeform];

    /// <summary>General, Teen, Mature, Explicit (the generator's rating ids).</summary>
    private static readonly int[] Ratings = [2, 3, 4, 5];

    private static readonly int[] Warnings = [12, 13, 15, 16];

    public WorkQuery TagPage => new() { IncludeTagIds = [F], Sort = WorkSort.DateUpdated };

    public WorkQuery FandomFacets => TagPage with { FacetTypes = AllTypes };

    public WorkQuery DeepPage => TagPage with { Page = 500 };

    public WorkQuery Ao3Filter => Filter([F, A, B, Rating], [X, Y, Z]);

    public WorkQuery Ao3FilterBroad => Filter([BroadF, BroadB, BroadRating], [BroadZ]);

    private static WorkQuery Filter(int[] include, int[] exclude) => new()
    {
        IncludeTagIds = include,
        ExcludeTagIds = exclude,
        CompleteOnly = true,
        Words = new(1000, 50000),
        Sort = WorkSort.Kudos,
        FacetTypes = AllTypes,
    };

    public static List<Instance> Pick(WorkIndex index, int count, int seed)
    {
        var random = new Random(seed);
        int Total(WorkQuery query) => index.Find(query with { FacetTypes = [] }, Viewer.Guest, ViewerFilters.None)!.Total;
        var fandoms = index.Find(new WorkQuery { FacetTypes = [TagType.Fandom] }, Viewer.Guest, ViewerFilters.None)!.Facets[TagType.Fandom]
            .Take(20).Select(f => f.TagId).ToList();
        var tops = fandoms.ToDictionary(f => f, f => index.Find(
            new WorkQuery { IncludeTagIds = [f], FacetTypes = [TagType.Character, TagType.Relationship, TagType.Freeform] },
            Viewer.Guest, ViewerFilters.None)!.Facets);
        List<int> Top(int f, TagType type, int n) => tops[f][type].Where(t => t.TagId != f).Take(n).Select(t => t.TagId).ToList();
        T Any<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];

        // The draw whose match count is nearest the size (by ratio), stopping at the first within a factor of √2.
        T Near<T>(int size, Func<T> draw, Func<T, WorkQuery> query)
        {
            var best = default(T)!;
            var bestDistance = double.MaxValue;
            for (var i = 0; i < Draws; i++)
            {
                var candidate = draw();
                var distance = Math.Abs(Math.Log(Math.Max(1, Total(query(candidate))) / (double)size));
                if (distance < bestDistance)
                {
                    (best, bestDistance) = (candidate, distance);
                }
                if (distance <= Math.Log(Math.Sqrt(2)))
                {
                    break;
                }
            }
            return best;
        }

        var instances = new List<Instance>();
        for (var i = 0; i < count; i++)
        {
            var f = Any(fandoms);
            var narrow = Near(Ao3FilterSize, () =>
            {
                var freeforms = Top(f, TagType.Freeform, 10);
                var b = Any(freeforms);
                var others = freeforms.Where(x => x != b).OrderBy(_ => random.Next()).Take(2).ToList();
                return new Instance(f, Any(Top(f, TagType.Character, 5)), b, others[0], others[1], Any(Warnings), Any(Ratings), 0, 0, 0, 0);
            }, candidate => candidate.Ao3Filter);
            var broad = Near(Ao3FilterBroadSize, () =>
            {
                var bf = Any(fandoms);
                var tags = Top(bf, TagType.Character, 5).Concat(Top(bf, TagType.Relationship, 5)).Concat(Top(bf, TagType.Freeform, 10)).ToList();
                return narrow with { BroadF = bf, BroadB = Any(tags), BroadZ = Any(Warnings), BroadRating = Any(Ratings) };
            }, candidate => candidate.Ao3FilterBroad);
            instances.Add(broad);
        }
        return instances;
    }
}
