namespace Makimono.Tests.Database;

/// <summary>
/// Data tests share one PostgreSQL server for the whole run; xunit creates the fixture once for this collection.
/// Every data test class carries [Collection(DatabaseCollection.Name)] (the attribute is not inherited).
/// </summary>
[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<TestDatabases>
{
    public const string Name = "Database";
}
