using Makimono.Hosting;
using Makimono.Tags;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Database;

[Collection(DatabaseCollection.Name)]
public sealed class MigrationTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Migrations_apply_completely(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);

        Assert.Empty(await archive.Db.Database.GetPendingMigrationsAsync());
        Assert.Equal(archive.Db.Database.GetMigrations(), await archive.Db.Database.GetAppliedMigrationsAsync());
    }

    /// <summary>
    /// The archive runs on the model compiled into each provider's project (scripts/test checks that it is
    /// up to date), so the data tests run on it too.
    /// </summary>
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_archive_runs_on_the_compiled_model(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);

        Assert.Equal($"Makimono.Data.{provider}.CompiledModel.ArchiveDbContextModel", archive.Db.Model.GetType().FullName);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Migrations_seed_the_fixed_tags(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);

        var tags = await archive.Db.Tags.OrderBy(t => t.Id).ToListAsync();

        Assert.Equal(5, tags.Count(t => t.Type == TagType.Rating));
        Assert.Equal(6, tags.Count(t => t.Type == TagType.ArchiveWarning));
        Assert.Equal(6, tags.Count(t => t.Type == TagType.Category));
        Assert.Equal(FixedTags.All.Select(f => (f.Id, f.Name, f.Type)), tags.Select(t => (t.Id, t.Name, t.Type)));
        Assert.All(tags, t =>
        {
            Assert.True(t.IsCanonical);
            Assert.Equal(TagName.Normalize(t.Name), t.NormalizedName);
        });
    }
}
