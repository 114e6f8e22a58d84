using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CloudjetGraph.Core.Data.Engines;

/// <summary>SQLite files: the migrations in this assembly, WAL journal, <c>secure_delete</c> and checkpoints.</summary>
public sealed class SqliteEngine : IDatabaseEngine
{
    /// <summary>The one instance; the engine holds no state.</summary>
    public static SqliteEngine Instance { get; } = new();

    private SqliteEngine()
    {
    }

    /// <inheritdoc />
    public void Use(DbContextOptionsBuilder options, string connectionString) => options.UseSqlite(connectionString);

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
}
