namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// Trait names that say which provider's run a test belongs to; the trait's value says why.
/// <see cref="RecordingTestFramework"/> reports a test bound to one provider as skipped, with that
/// reason, in the other provider's run. On a class a trait applies to every test.
/// </summary>
public static class TestTraits
{
    /// <summary>The test reads or copies the SQLite files themselves (bytes, WAL, VACUUM INTO, permissions, SQLite SQL).</summary>
    public const string SqliteFileOnly = "SqliteFileOnly";

    /// <summary>The test proves a PostgreSQL guarantee (a <c>pg_dump</c>, several processes on one server): set by <see cref="PostgresOnlyAttribute"/>.</summary>
    public const string PostgresOnly = "PostgresOnly";

    /// <summary>The test's outcome can differ by provider: set by <see cref="ProviderSensitiveAttribute"/>.</summary>
    public const string ProviderSensitive = "ProviderSensitive";

    /// <summary>
    /// <c>true</c> on every test of the PostgreSQL run, the <see cref="ProviderSensitive"/> and the
    /// <see cref="PostgresOnly"/> ones: <c>.ci/run</c> selects them with <c>--filter PostgresRun=true</c>,
    /// so that the others are not run, nor reported, a second time.
    /// </summary>
    public const string PostgresRun = "PostgresRun";

    /// <summary>The <c>dotnet test --filter</c> of the PostgreSQL run.</summary>
    public const string PostgresRunFilter = PostgresRun + "=true";
}
