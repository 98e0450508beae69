using Makimono.Hosting;
using Makimono.Tests.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Works;

[Collection(DatabaseCollection.Name)]
public sealed class SeriesTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_new_series_title_creates_the_series(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");

        var work = await archive.SaveWorkAsync(author, f => f.SeriesTitles = "My Series");

        await using var check = archive.NewContext();
        var series = await check.Series.Include(s => s.Works).SingleAsync();
        Assert.Equal("My Series", series.Title);
        Assert.Equal(author.Id, series.OwnerUserId);
        var link = Assert.Single(series.Works);
        Assert.Equal((work.Id, 1), (link.WorkId, link.Position));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_second_work_joins_the_series_at_the_end(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var first = await archive.SaveWorkAsync(author, f => f.SeriesTitles = "My Series");

        var second = await archive.SaveWorkAsync(author, f => f.SeriesTitles = "My Series");

        await using var check = archive.NewContext();
        var series = await check.Series.Include(s => s.Works).SingleAsync();
        Assert.Equal([(first.Id, 1), (second.Id, 2)], series.Works.OrderBy(w => w.Position).Select(w => (w.WorkId, w.Position)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_work_can_be_in_two_series(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");

        var work = await archive.SaveWorkAsync(author, f => f.SeriesTitles = "My Series, Side Stories");

        await using var check = archive.NewContext();
        var stored = await archive.LoadWorkAsync(check, work.Id);
        Assert.Equal(["My Series", "Side Stories"], stored.Series.Select(s => s.Series.Title).Order());
        Assert.All(stored.Series, s => Assert.Equal(1, s.Position));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Series_titles_belong_to_their_owner(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var kiri = await archive.CreateUserAsync("Kiri");
        var hana = await archive.CreateUserAsync("Hana");
        await archive.SaveWorkAsync(kiri, f => f.SeriesTitles = "My Series");

        await archive.SaveWorkAsync(hana, f => f.SeriesTitles = "My Series");

        await using var check = archive.NewContext();
        var owners = await check.Series.Select(s => s.OwnerUserId).Order().ToListAsync();
        Assert.Equal([kiri.Id, hana.Id], owners);
    }
}
