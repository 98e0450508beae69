using Makimono.Hosting;
using Makimono.Changes;
using Makimono.Tags;
using Makimono.Tags.Wrangling;
using Makimono.Tests.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Tags;

[Collection(DatabaseCollection.Name)]
public sealed class CrossoverBackfillTests(TestDatabases databases)
{
    /// <summary>Works saved before the crossover flag existed get it once, by the saving rule, and are logged for the index.</summary>
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Works_saved_before_the_flag_get_it_once_and_are_logged(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var admin = await archive.CreateUserAsync("Admin", isAdmin: true);
        var crossover = await archive.SaveWorkAsync(admin, f => f.Fandoms = "Naruto, Bleach");
        var single = await archive.SaveWorkAsync(admin, f => f.Fandoms = "Naruto");
        var marvel = await archive.TagAsync("Marvel", TagType.Fandom);
        var ironMan = await archive.SaveWorkAsync(admin, f => f.Fandoms = "Iron Man, Marvel");
        (await MakeCanonical.RunAsync(archive.Db, archive.Clock, admin.AsViewer(), (await archive.FindTagAsync("Iron Man")).Id)).Ok();
        (await MetaTags.AddAsync(archive.Db, archive.Clock, admin.AsViewer(), (await archive.FindTagAsync("Iron Man")).Id, marvel.Id)).Ok();
        // As an archive from before the flag holds them: unset everywhere, and one set wrongly.
        await using (var db = archive.NewContext())
        {
            await db.Works.ExecuteUpdateAsync(u => u.SetProperty(w => w.IsCrossover, w => w.Id == ironMan.Id));
        }
        var cursor = new ChangeCursor(archive.Clock);
        await using (var db = archive.NewContext())
        {
            await cursor.StartAtEndAsync(db);
            Assert.Equal(2, await CrossoverBackfill.RunOnceAsync(db));
        }

        await using (var db = archive.NewContext())
        {
            var flags = await db.Works.ToDictionaryAsync(w => w.Id, w => w.IsCrossover);
            Assert.True(flags[crossover.Id]);
            Assert.False(flags[single.Id]);
            Assert.False(flags[ironMan.Id]);
            Assert.Equal([crossover.Id, ironMan.Id], (await cursor.ReadAsync(db)).Select(c => c.WorkId!.Value).Order());
            // Once per archive: a second start changes nothing.
            await db.Works.ExecuteUpdateAsync(u => u.SetProperty(w => w.IsCrossover, false));
            Assert.Equal(0, await CrossoverBackfill.RunOnceAsync(db));
            Assert.False(await db.Works.AnyAsync(w => w.IsCrossover));
        }
    }
}
