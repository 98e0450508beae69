using Makimono.Hosting;
using Makimono.Tests.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Makimono.Tests.Mail;

[Collection(DatabaseCollection.Name)]
public sealed class MailAccountsMigrationTests(TestDatabases databases)
{
    /// <summary>The migration that made addresses unique (the mail branch's MailAccounts, merged into sync1's ReadersSide).</summary>
    private const string MailAccountsMigration = "_ReadersSide";

    /// <summary>
    /// Accounts from before addresses were unique keep theirs; where two share one (in any capitalisation), the
    /// older keeps it as its unique address, and the migration does not fail on the unique index.
    /// </summary>
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Existing_addresses_become_unique_with_the_oldest_account_keeping_a_shared_one(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var older = await archive.CreateUserAsync("older");
        var newer = await archive.CreateUserAsync("newer");
        var alone = await archive.CreateUserAsync("alone");

        await using (var db = archive.NewContext())
        {
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var mailAccounts = migrations.FindIndex(m => m.EndsWith(MailAccountsMigration, StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[mailAccounts - 1]);
            await db.Database.ExecuteSqlAsync($"""UPDATE "Users" SET "Email" = {"Shared@Example.org"} WHERE "Id" = {older.Id}""");
            await db.Database.ExecuteSqlAsync($"""UPDATE "Users" SET "Email" = {" shared@example.org"} WHERE "Id" = {newer.Id}""");
            await migrator.MigrateAsync();
        }

        await using var check = archive.NewContext();
        var users = await check.Users.OrderBy(u => u.Id).Select(u => new { u.Id, u.NormalizedEmail, u.EmailConfirmedAt }).ToListAsync();
        Assert.Equal("SHARED@EXAMPLE.ORG", users.Single(u => u.Id == older.Id).NormalizedEmail);
        Assert.Null(users.Single(u => u.Id == newer.Id).NormalizedEmail);
        Assert.Equal("ALONE@EXAMPLE.ORG", users.Single(u => u.Id == alone.Id).NormalizedEmail);
        Assert.All(users, u => Assert.Null(u.EmailConfirmedAt));
    }
}
