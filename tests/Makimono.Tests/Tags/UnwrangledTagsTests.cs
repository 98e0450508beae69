using Makimono.Hosting;
using Makimono.Tags.Wrangling;
using Makimono.Tests.Database;

namespace Makimono.Tests.Tags;

[Collection(DatabaseCollection.Name)]
public sealed class UnwrangledTagsTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_wrangler_sees_the_unwrangled_tags_of_their_fandoms_most_used_first(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var admin = await archive.CreateUserAsync("Admin", isAdmin: true);
        var wrangler = await archive.CreateUserAsync("Iruka");
        await archive.WorkTaggedAsync(admin, "Chunin Exams", fandoms: "Naruto");
        await archive.WorkTaggedAsync(admin, "Chunin Exams, Ramen", fandoms: "Naruto");
        await archive.WorkTaggedAsync(admin, "Hollows", fandoms: "Bleach");
        var naruto = await archive.FindTagAsync("Naruto");
        (await MakeCanonical.RunAsync(archive.Db, archive.Clock, admin.AsViewer(), naruto.Id)).Ok();
        Assert.Null(await WranglerAssignments.AssignAsync(archive.Db, admin.AsViewer(), wrangler.Id, naruto.Id));
        (await MarkUnwrangleable.RunAsync(archive.Db, archive.Clock, admin.AsViewer(), (await archive.FindTagAsync("Ramen")).Id)).Ok();

        await using var db = archive.NewContext();
        var mine = await UnwrangledTags.ForAsync(db, wrangler.AsViewer());
        var all = await UnwrangledTags.ForAsync(db, admin.AsViewer());

        Assert.Equal([("Chunin Exams", 2)], mine.Select(t => (t.Name, t.Uses)));
        Assert.Equal(["Chunin Exams", "Bleach", "Hollows"], all.Select(t => t.Name));
    }
}
