using Makimono.Accounts;
using Makimono.Database;
using Makimono.Hosting;
using Makimono.Search;
using Makimono.Tags;
using Makimono.Tests.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Search;

/// <summary>
/// The whole access matrix (five viewers, four kinds of work) through every form of <see cref="WorkAccess"/>: each form
/// must give exactly the written-out answer. A new form (the search index, say) is one more entry in
/// <see cref="VisibilityForms"/>.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class AccessMatrixTests(TestDatabases databases)
{
    /// <summary>The works of the matrix, by the label the expectations use.</summary>
    public sealed record Matrix(TestArchive Archive, IReadOnlyDictionary<string, Viewer> Viewers, IReadOnlyDictionary<int, string> WorkLabels);

    public delegate Task<IReadOnlySet<int>> AccessForm(Matrix matrix, ArchiveDbContext db, Viewer viewer);

    private static readonly Dictionary<string, string[]> ExpectedVisible = new()
    {
        ["guest"] = ["posted"],
        ["reader"] = ["posted", "restricted"],
        ["creator"] = ["draft", "hidden", "restricted", "posted"],
        ["pending co-creator"] = ["posted", "restricted"],
        ["admin"] = ["hidden", "restricted", "posted"],
    };

    private static readonly Dictionary<string, string[]> ExpectedEditable = new()
    {
        ["guest"] = [],
        ["reader"] = [],
        ["creator"] = ["draft", "hidden", "restricted", "posted"],
        ["pending co-creator"] = [],
        ["admin"] = ["hidden", "restricted", "posted"],
    };

    public static readonly IReadOnlyDictionary<string, AccessForm> VisibilityForms = new Dictionary<string, AccessForm>
    {
        ["EF expression"] = async (_, db, viewer) => (await db.Works.VisibleTo(viewer).Select(w => w.Id).ToListAsync()).ToHashSet(),
        ["in memory, facts projected by EF"] = async (_, db, viewer) =>
        {
            var ids = await db.Works.OrderBy(w => w.Id).Select(w => w.Id).ToListAsync();
            var facts = await db.Works.OrderBy(w => w.Id).Select(WorkAccess.Facts).ToListAsync();
            return ids.Zip(facts).Where(w => WorkAccess.IsVisibleTo(w.Second, viewer)).Select(w => w.First).ToHashSet();
        },
        ["search index"] = async (matrix, _, viewer) =>
        {
            using var index = await TestIndex.OpenAsync(matrix.Archive);
            var result = index.Find(new Makimono.Search.WorkQuery { FacetTypes = [Makimono.Tags.TagType.Fandom] }, viewer);
            // Counts and facets must agree with the list: nothing the viewer may not see is counted anywhere.
            Assert.Equal(result.WorkIds.Count, result.Total);
            Assert.Equal(result.Total, result.Facets[Makimono.Tags.TagType.Fandom].Sum(f => f.Count));
            return result.WorkIds.ToHashSet();
        },
        ["in memory, facts of loaded works"] = async (_, db, viewer) =>
            (await db.Works.Include(w => w.Creators).ThenInclude(c => c.Pseud).ToListAsync())
                .Where(w => WorkAccess.IsVisibleTo(WorkAccess.FactsOf(w), viewer)).Select(w => w.Id).ToHashSet(),
        // The listing seam: results, total and every facet count hold only what the viewer may see.
        ["works search (EF): results"] = async (_, db, viewer) =>
            (await new DatabaseWorkSearch(db).FindAsync(new WorkQuery(), viewer, ViewerFilters.None, default)).WorkIds.ToHashSet(),
        ["works search (EF): total and facets"] = async (matrix, db, viewer) =>
        {
            var result = await new DatabaseWorkSearch(db).FindAsync(new WorkQuery { FacetTypes = [TagType.Fandom, TagType.Rating] }, viewer, ViewerFilters.None, default);
            // Every matrix work carries the one fandom and the one rating, so each count is the number of visible works;
            // the ids stand in for "that many works" so the comparison with the matrix stays one shape.
            var counts = result.Facets.Values.SelectMany(f => f).Select(f => f.Count).Append(result.Total).Distinct().ToList();
            var count = Assert.Single(counts);
            return ExpectedVisible[matrix.Viewers.Single(v => v.Value == viewer).Key].Length == count
                ? result.WorkIds.ToHashSet()
                : new HashSet<int>();
        },
    };

    public static readonly IReadOnlyDictionary<string, AccessForm> EditForms = new Dictionary<string, AccessForm>
    {
        ["EF expression"] = async (_, db, viewer) => (await db.Works.EditableBy(viewer).Select(w => w.Id).ToListAsync()).ToHashSet(),
        ["in memory"] = async (_, db, viewer) =>
            (await db.Works.Include(w => w.Creators).ThenInclude(c => c.Pseud).ToListAsync())
                .Where(w => WorkAccess.CanEdit(w, viewer)).Select(w => w.Id).ToHashSet(),
    };

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Every_visibility_form_gives_the_written_out_matrix(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var matrix = await BuildAsync(archive);
        await AssertMatrixAsync(matrix, VisibilityForms, ExpectedVisible);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Every_edit_form_gives_the_written_out_matrix(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var matrix = await BuildAsync(archive);
        await AssertMatrixAsync(matrix, EditForms, ExpectedEditable);
    }

    private static async Task AssertMatrixAsync(Matrix matrix, IReadOnlyDictionary<string, AccessForm> forms, Dictionary<string, string[]> expected)
    {
        var failures = new List<string>();
        foreach (var (formName, form) in forms)
        {
            foreach (var (viewerName, viewer) in matrix.Viewers)
            {
                await using var db = matrix.Archive.NewContext();
                var got = (await form(matrix, db, viewer)).Select(id => matrix.WorkLabels[id]).Order().ToList();
                var want = expected[viewerName].Order().ToList();
                if (!got.SequenceEqual(want))
                {
                    failures.Add($"{formName}, {viewerName}: got [{string.Join(", ", got)}], expected [{string.Join(", ", want)}]");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>One work of each kind by the creator, each with a co-creator invitation that was never accepted.</summary>
    public static async Task<Matrix> BuildAsync(TestArchive archive)
    {
        var creator = await archive.CreateUserAsync("Kiri");
        var reader = await archive.CreateUserAsync("Hana");
        var pending = await archive.CreateUserAsync("Sora");
        var admin = await archive.CreateUserAsync("Boss", isAdmin: true);
        var labels = new Dictionary<int, string>();
        labels[(await archive.SaveWorkAsync(creator, f => f.CoCreators = pending.UserName, post: false)).Id] = "draft";
        var hidden = await archive.SaveWorkAsync(creator, f => f.CoCreators = pending.UserName);
        hidden.IsHidden = true;
        await archive.Db.SaveChangesAsync();
        labels[hidden.Id] = "hidden";
        labels[(await archive.SaveWorkAsync(creator, f => { f.CoCreators = pending.UserName; f.IsRestricted = true; })).Id] = "restricted";
        labels[(await archive.SaveWorkAsync(creator, f => f.CoCreators = pending.UserName)).Id] = "posted";
        var viewers = new Dictionary<string, Viewer>
        {
            ["guest"] = Viewer.Guest,
            ["reader"] = TestArchive.ViewerFor(reader),
            ["creator"] = TestArchive.ViewerFor(creator),
            ["pending co-creator"] = TestArchive.ViewerFor(pending),
            ["admin"] = TestArchive.ViewerFor(admin),
        };
        return new Matrix(archive, viewers, labels);
    }
}
