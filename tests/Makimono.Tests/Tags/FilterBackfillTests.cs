using Makimono.Hosting;
using Makimono.Tags;
using Makimono.Tests.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Makimono.Tests.Tags;

[Collection(DatabaseCollection.Name)]
public sealed class FilterBackfillTests(TestDatabases databases)
{
    /// <summary>Archives that existed before wrangling get their works' filter sets from the migration itself.</summary>
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_wrangling_migration_fills_the_filter_sets_of_existing_works(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var work = await archive.SaveWorkAsync(author, f => { f.Fandoms = "Pokémon"; f.Freeforms = "Pocket Monsters AU"; });
        var canonical = await archive.FindTagAsync("Pokémon");
        var synonym = await archive.FindTagAsync("Pocket Monsters AU");

        await using (var db = archive.NewContext())
        {
            var migrator = db.GetService<IMigrator>();
            var initial = db.Database.GetMigrations().Single(m => m.EndsWith("_Initial", StringComparison.Ordinal));
            await migrator.MigrateAsync(initial);
            // A synonym as the old schema could already record one, across types to keep the check simple.
            await db.Database.ExecuteSqlAsync($"""UPDATE "Tags" SET "MergerId" = {canonical.Id} WHERE "Id" = {synonym.Id}""");
            await migrator.MigrateAsync();
        }

        Assert.Equal(["Pokémon"], await archive.FilterNamesAsync(work.Id));
    }
}
