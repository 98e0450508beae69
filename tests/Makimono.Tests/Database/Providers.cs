using Makimono.Hosting;

namespace Makimono.Tests.Database;

/// <summary>Rows for data tests: every data test runs once on SQLite and once on PostgreSQL.</summary>
public static class Providers
{
    public static TheoryData<DatabaseProvider> Both => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };
}
