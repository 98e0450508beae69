using Makimono.Database;
using Makimono.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Database;

/// <summary>
/// One migrated database for one test. Tests act through one context and check through a new one,
/// so what they assert is what was stored, not what a change tracker remembers.
/// </summary>
public sealed class TestDatabase(DatabaseProvider provider, DbContextOptions<ArchiveDbContext> options, Func<ValueTask> cleanUp)
    : IAsyncDisposable
{
    public DatabaseProvider Provider { get; } = provider;

    public ArchiveDbContext NewContext() => new(options);

    public ValueTask DisposeAsync() => cleanUp();
}
