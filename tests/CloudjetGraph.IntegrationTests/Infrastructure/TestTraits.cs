namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// Trait names that tie a test to one provider; the trait's value says why. <see cref="RecordingTestFramework"/>
/// reports such a test as skipped, with that reason, in the other provider's run. On a class it applies to every test.
/// </summary>
public static class TestTraits
{
    /// <summary>The test reads or copies the SQLite files themselves (bytes, WAL, VACUUM INTO, permissions, SQLite SQL).</summary>
    public const string SqliteFileOnly = "SqliteFileOnly";

    /// <summary>The test proves a PostgreSQL guarantee (a <c>pg_dump</c>, several processes on one server).</summary>
    public const string PostgresOnly = "PostgresOnly";
}
