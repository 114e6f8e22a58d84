using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CloudjetGraph.Core.Data.Engines;

/// <summary>
/// PostgreSQL: migrations from <c>CloudjetGraph.PostgresMigrations</c>, an advisory lock for the audit
/// trail. It has no <c>secure_delete</c>: a deleted row stays a dead tuple in its page until VACUUM
/// reclaims it (autovacuum, usually within minutes) and in the WAL until it is recycled, which is
/// why erasure shreds the person key first (docs/deployment.md, Erasure on PostgreSQL).
/// </summary>
public sealed class PostgresEngine : IDatabaseEngine
{
    /// <summary>The assembly that holds the PostgreSQL migrations of both contexts, apart from the SQLite ones.</summary>
    public const string MigrationsAssembly = "CloudjetGraph.PostgresMigrations";

    /// <summary>
    /// The advisory lock key of the audit trail's appends, the bytes of "CJAUDIT1". Fixed: every
    /// instance and the Cli must take the same one, whatever their version.
    /// </summary>
    public const long AuditTrailLockKey = 0x434A_4155_4449_5431;

    /// <summary>The advisory lock key of startup initialisation, the bytes of "CJSTART1"; fixed like <see cref="AuditTrailLockKey"/>.</summary>
    public const long StartupLockKey = 0x434A_5354_4152_5431;

    private const string DuplicateDatabase = "42P04";
    private const string DuplicateTable = "42P07";
    private const string UniqueViolation = "23505";

    /// <summary>The one instance; the engine holds no state.</summary>
    public static PostgresEngine Instance { get; } = new();

    private PostgresEngine()
    {
    }

    /// <inheritdoc />
    public void Use(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly).UseParameterizedCollectionMode(DatabaseEngines.CollectionMode));

    /// <inheritdoc />
    public Task<bool> ExistsAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        database.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// The database and the history table are created first, apart from the migrator, which would
    /// log a failed connection and a failed read of the history as errors before creating them. The migrator locks its history table, so instances that start
    /// together apply each migration once; creating the database is outside that lock, and the loser
    /// of that race finds it made.
    /// </remarks>
    public async Task MigrateAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(database, cancellationToken);

        // EF Core reads the history table before it creates it, and logs the failure as an error.
        try
        {
            await database.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState is UniqueViolation or DuplicateTable)
        {
            // Created by another instance at the same moment.
        }

        await database.MigrateAsync(cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A session-level advisory lock on a connection of its own, outside the pool: closing it (or the
    /// holder's death, which ends the session) releases the lock. It lives in the profile database,
    /// which is therefore created first, outside the lock; the loser of that race finds it made.
    /// </remarks>
    public async Task<IAsyncDisposable> HoldStartupLockAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(database, cancellationToken);
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.GetConnectionString()) { Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({StartupLockKey})", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>Every statement is a round trip to the server; with at most 10 columns, 200 rows stay far below its 65 535 parameters.</remarks>
    public int RowsPerInsert => 200;

    /// <inheritdoc />
    /// <remarks>Released by the commit or rollback; gateways and the Cli on one server thereby extend one chain.</remarks>
    public async Task LockAuditTrailAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditTrailLockKey})", cancellationToken);

    /// <inheritdoc />
    /// <remarks>Nothing to switch on: PostgreSQL cannot overwrite a deleted tuple at once; VACUUM frees it later.</remarks>
    public Task PrepareErasureAsync(DatabaseFacade database, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    /// <remarks>
    /// Not a VACUUM per erasure: it scans the whole table, only marks the dead tuples' space free
    /// (their bytes stay until reused), and reaches neither the WAL, replicas nor backups. Shredding
    /// the key first is what makes every copy unreadable; autovacuum reclaims the rows.
    /// </remarks>
    public Task<bool> FlushErasureAsync(DatabaseFacade database, CancellationToken cancellationToken) => Task.FromResult(true);

    private static async Task EnsureCreatedAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var creator = database.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (PostgresException exception) when (exception.SqlState == DuplicateDatabase)
            {
                // Made by another instance a moment ago.
            }
        }
    }

    /// <inheritdoc />
    public string Describe(string? connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }
}
