using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CloudjetGraph.Core.Data.Engines;

/// <summary>SQLite files: the migrations in this assembly, WAL journal, <c>secure_delete</c> and checkpoints.</summary>
internal sealed class SqliteEngine : IDatabaseEngine
{
    /// <summary>Appended to the database file's name for the startup lock's file.</summary>
    public const string StartupLockSuffix = "-startup.lock";

    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>The one instance; the engine holds no state.</summary>
    public static SqliteEngine Instance { get; } = new();

    private SqliteEngine()
    {
    }

    /// <inheritdoc />
    public void Use(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(DatabaseEngines.CollectionMode));

    /// <inheritdoc />
    public async Task<bool> ExistsAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        return SqliteFile.Exists(database.GetConnectionString());
    }

    /// <inheritdoc />
    public async Task MigrateAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        SqliteFile.EnsureDirectory(database.GetConnectionString());
        await database.MigrateAsync(cancellationToken);

        // Readers never block the writer, and the file stays consistent after a crash.
        await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// An exclusive lock on a file beside the database (<c>flock</c> on Linux, a share mode on
    /// Windows), which the operating system drops when its holder dies. The file stays: deleting
    /// it while others wait would let a later start lock a new file beside a waiter's old one.
    /// An in-memory database belongs to one process and needs none.
    /// </remarks>
    public async Task<IAsyncDisposable> HoldStartupLockAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var connectionString = database.GetConnectionString();
        if (SqliteFile.PathOf(connectionString) is not { } path)
        {
            return NoLock.Instance;
        }

        SqliteFile.EnsureDirectory(connectionString);
        while (true)
        {
            try
            {
                return new FileStream(path + StartupLockSuffix, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (File.Exists(path + StartupLockSuffix))
            {
                // Another process initialises the database now.
                await Task.Delay(LockRetryDelay, cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// One: the database is in process, so fewer statements save no round trips, and Microsoft.Data.Sqlite
    /// binds each parameter by name with a search through the statement's parameters, so a statement
    /// of many rows costs the square of its parameters to bind. A one-row statement prepared once is cheapest.
    /// </remarks>
    public int RowsPerInsert => 1;

    /// <inheritdoc />
    /// <remarks>Nothing to add: Microsoft.Data.Sqlite begins every transaction <c>IMMEDIATE</c>, taking the file's write lock first.</remarks>
    public Task LockAuditTrailAsync(DatabaseFacade database, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    /// <remarks>Without <c>secure_delete</c> a deleted row's bytes stay in the page's free space (NOTES.md). Per connection.</remarks>
    public async Task PrepareErasureAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        await database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON;", cancellationToken);

    /// <inheritdoc />
    /// <remarks>The WAL still holds the pages as they were; folding it in and truncating removes them. A reader in a transaction makes it busy.</remarks>
    public async Task<bool> FlushErasureAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        await using var command = database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && reader.GetInt64(0) == 0;
    }

    /// <inheritdoc />
    public string Describe(string? connectionString) => SqliteFile.Describe(connectionString);

    private sealed class NoLock : IAsyncDisposable
    {
        public static NoLock Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
