using Makimono.Accounts;
using Makimono.Database;
using Makimono.Hosting;
using Makimono.Tests.Works;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Makimono.Tests.Database;

/// <summary>A migrated database with a fake clock and the few steps most data tests start from.</summary>
public sealed class TestArchive : IAsyncDisposable
{
    /// <summary>Fixed so dates in assertions ("today", backup names) are known; whole seconds survive the round trip through both databases exactly.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _database;

    private TestArchive(TestDatabase database)
    {
        _database = database;
        Db = database.NewContext();
    }

    /// <param name="sqliteFile">A SQLite file instead of memory, for tests that need contexts on connections of their own.</param>
    public static async Task<TestArchive> OpenAsync(TestDatabases databases, DatabaseProvider provider, bool sqliteFile = false) =>
        new(await databases.CreateAsync(provider, sqliteFile));

    public DatabaseProvider Provider => _database.Provider;

    public FakeTimeProvider Clock { get; } = new(Start);

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>The context the code under test writes through.</summary>
    public ArchiveDbContext Db { get; }

    /// <summary>A fresh context for checking what was stored.</summary>
    public ArchiveDbContext NewContext() => _database.NewContext();

    /// <inheritdoc cref="TestDatabase.NewContext(IInterceptor[])"/>
    public ArchiveDbContext NewContext(params IInterceptor[] interceptors) => _database.NewContext(interceptors);

    public static Viewer ViewerFor(User user) => new(user.Id, user.IsAdmin);

    public const string Password = "correct horse battery";

    /// <summary>PBKDF2 costs ~100 ms a user, so test users share one hash; CreateUserTests covers the real path.</summary>
    private static readonly Lazy<string> PasswordHash = new(() =>
        Passwords.Hash(new User { UserName = "x", NormalizedUserName = "X", Email = "x@example.org", PasswordHash = "" }, Password));

    /// <summary>A user with a default pseud, stored as CreateUser stores one.</summary>
    public async Task<User> CreateUserAsync(string name, bool isAdmin = false)
    {
        var user = new User
        {
            UserName = name,
            NormalizedUserName = AccountNames.Normalize(name),
            Email = $"{name}@example.org",
            PasswordHash = PasswordHash.Value,
            IsAdmin = isAdmin,
            CreatedAt = Clock.GetUtcNow().UtcDateTime,
        };
        user.Pseuds.Add(new Pseud { Name = name, NormalizedName = AccountNames.Normalize(name), IsDefault = true });
        Db.Users.Add(user);
        await Db.SaveChangesAsync();
        return user;
    }

    /// <summary>Saves a work that passes validation, after <paramref name="edit"/> has changed the form.</summary>
    public async Task<Work> SaveWorkAsync(User author, Action<WorkForm>? edit = null, bool post = true, string body = Forms.Body)
    {
        var form = Forms.Work();
        edit?.Invoke(form);
        var (work, errors) = await SaveWork.CreateAsync(Db, Clock, author.Id, form, Forms.Chapter(body), post, acceptRemovals: false);
        Assert.False(errors.Any, string.Join("; ", errors.Fields.Select(f => $"{f.Key}: {f.Value}")));
        return work!;
    }

    /// <summary>A work with everything the pages need, regardless of who may see it.</summary>
    public async Task<Work> LoadWorkAsync(ArchiveDbContext db, int id) => await db.Works
        .Include(w => w.Chapters)
        .Include(w => w.Creators).ThenInclude(c => c.Pseud)
        .Include(w => w.Tags).ThenInclude(t => t.Tag)
        .Include(w => w.Series).ThenInclude(s => s.Series)
        .AsSplitQuery()
        .SingleAsync(w => w.Id == id);

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await _database.DisposeAsync();
    }
}
