using Makimono.Accounts;
using Makimono.Database;
using Makimono.Hosting;
using Makimono.Tests.Import;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Accounts;

/// <summary>`makimono user add` goes through the same name and password rules as sign-up.</summary>
public sealed class UserCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("makimono-users-").FullName;

    [Fact]
    public async Task User_add_refuses_lookalike_names_and_common_passwords()
    {
        var (added, _, addError) = await AddAsync("alice", "a long enough password");
        Assert.True(added == 0, addError);

        var (lookalike, _, lookalikeError) = await AddAsync("\u0430lice", "a long enough password");
        var (common, _, commonError) = await AddAsync("bob", "password");

        Assert.Equal(1, lookalike);
        Assert.Contains("looks too much like the name of the user \"alice\"", lookalikeError, StringComparison.Ordinal);
        Assert.Equal(1, common);
        Assert.Contains("one of the most common", commonError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_password_reads_the_new_password_or_prints_a_generated_one_and_ends_every_session()
    {
        var (added, _, addError) = await AddAsync("carol", "a long enough password");
        Assert.True(added == 0, addError);
        var userId = await WithDbAsync(db => db.Users.Where(u => u.UserName == "carol").Select(u => u.Id).SingleAsync());
        await WithDbAsync(db => Sessions.StartAsync(db, TimeProvider.System, userId, null, null));

        var (read, _, readError) = await ImportCommandTests.RunAsync(["user", "reset-password", "carol", "--data", _data], stdin: "salt on the window\n");
        Assert.True(read == 0, readError);
        Assert.True(await VerifyAsync("carol", "salt on the window"));
        Assert.Equal(0, await WithDbAsync(db => db.UserSessions.CountAsync()));

        var (generated, stdout, generateError) = await ImportCommandTests.RunAsync(["user", "reset-password", "carol", "--generate", "--data", _data]);
        Assert.True(generated == 0, generateError);
        Assert.True(await VerifyAsync("carol", stdout.Trim()));
        Assert.False(await VerifyAsync("carol", "salt on the window"));

        var (common, _, commonError) = await ImportCommandTests.RunAsync(["user", "reset-password", "carol", "--data", _data], stdin: "password\n");
        Assert.Equal(1, common);
        Assert.Contains("one of the most common", commonError, StringComparison.Ordinal);
        var (unknown, _, unknownError) = await ImportCommandTests.RunAsync(["user", "reset-password", "nobody", "--data", _data], stdin: "salt on the window\n");
        Assert.Equal(1, unknown);
        Assert.Contains("There is no user called \"nobody\"", unknownError, StringComparison.Ordinal);
        Assert.True(await VerifyAsync("carol", stdout.Trim()));
    }

    private Task<bool> VerifyAsync(string name, string password) =>
        WithDbAsync(async db => Passwords.Verify(await db.Users.SingleAsync(u => u.UserName == name), password));

    private async Task<T> WithDbAsync<T>(Func<ArchiveDbContext, Task<T>> action)
    {
        var options = new DbContextOptionsBuilder<ArchiveDbContext>();
        ArchiveDatabaseSetup.ConfigureSqlite(options, ArchiveDatabaseSetup.SqliteConnectionString(Path.Combine(_data, "makimono.db")));
        await using var db = new ArchiveDbContext(options.Options);
        return await action(db);
    }

    private Task<(int Exit, string Stdout, string Stderr)> AddAsync(string name, string password) =>
        ImportCommandTests.RunAsync(["user", "add", name, "--email", "x@example.org", "--data", _data], stdin: password + "\n");

    public void Dispose()
    {
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
