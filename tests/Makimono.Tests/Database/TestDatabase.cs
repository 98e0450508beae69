using Makimono.Database;
using Makimono.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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

    /// <summary>A context whose commands pass through <paramref name="interceptors"/>, to stage races between contexts.</summary>
    public ArchiveDbContext NewContext(params IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<ArchiveDbContext>(options).AddInterceptors(interceptors).Options);

    public ValueTask DisposeAsync() => cleanUp();
}
