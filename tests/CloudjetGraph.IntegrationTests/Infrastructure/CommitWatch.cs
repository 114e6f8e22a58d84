using Microsoft.Data.Sqlite;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// Tells, cheaply, whether anyone committed to a test's profile database since the last look, so
/// that a test comparing <see cref="DatabaseDigest"/>s computes a new one only when something may
/// have changed. On SQLite it reads <c>PRAGMA data_version</c> on a connection of its own, which
/// changes exactly when another connection commits. On PostgreSQL it cannot tell, and every look
/// answers yes.
/// </summary>
public sealed class CommitWatch : IAsyncDisposable
{
    private readonly SqliteConnection? _connection;
    private long? _lastVersion;

    private CommitWatch(SqliteConnection? connection) => _connection = connection;

    /// <summary>Watches the profile database of <paramref name="host"/>.</summary>
    public static async Task<CommitWatch> OpenAsync(CloudjetApplication host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (TestDatabase.IsPostgres)
        {
            return new CommitWatch(null);
        }

        var connection = new SqliteConnection($"Data Source={host.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return new CommitWatch(connection);
    }

    /// <summary>
    /// Whether a commit may have happened since the previous call (always on the first). Call it
    /// before taking a digest, so that a commit while the digest is taken shows at the next call.
    /// </summary>
    public async Task<bool> CommittedSinceLastLookAsync()
    {
        if (_connection is null)
        {
            return true;
        }

        await using var pragma = _connection.CreateCommand();
        pragma.CommandText = "PRAGMA data_version";
        var version = (long)(await pragma.ExecuteScalarAsync())!;
        var committed = version != _lastVersion;
        _lastVersion = version;
        return committed;
    }

    public ValueTask DisposeAsync() => _connection?.DisposeAsync() ?? ValueTask.CompletedTask;
}
