using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CloudjetGraph.Core.Data.Engines;

/// <summary>
/// What differs between the database servers the gateway runs on. Everything else is EF Core and
/// the same on every provider; code that needs one of these asks <see cref="DatabaseEngines"/>.
/// </summary>
internal interface IDatabaseEngine
{
    /// <summary>Points a context at this server, with the migrations written for it.</summary>
    void Use(DbContextOptionsBuilder options, string connectionString);

    /// <summary>Whether the database exists, found without creating it (opening a missing SQLite file would).</summary>
    Task<bool> ExistsAsync(DatabaseFacade database, CancellationToken cancellationToken);

    /// <summary>Creates the database if need be and applies its pending migrations.</summary>
    Task MigrateAsync(DatabaseFacade database, CancellationToken cancellationToken);

    /// <summary>
    /// Waits until no other process initialises this database (migrations, first keys, demo data)
    /// and holds that right until the result is disposed; a holder that dies releases it. Creates
    /// the database if the lock needs it to exist.
    /// </summary>
    Task<IAsyncDisposable> HoldStartupLockAsync(DatabaseFacade database, CancellationToken cancellationToken);

    /// <summary>
    /// Inside an open transaction: waits until this transaction is the only one appending to the
    /// audit trail, in any process, so that the head it reads next stays the head until it commits.
    /// </summary>
    Task LockAuditTrailAsync(DatabaseFacade database, CancellationToken cancellationToken);

    /// <summary>On an open connection, before rows holding secrets are deleted or overwritten: makes the server overwrite their bytes where it can.</summary>
    Task PrepareErasureAsync(DatabaseFacade database, CancellationToken cancellationToken);

    /// <summary>
    /// On the same connection, after the erasure committed: removes the old row images the server
    /// still keeps (a WAL). Returns false when readers kept it from finishing; it may be tried again.
    /// </summary>
    Task<bool> FlushErasureAsync(DatabaseFacade database, CancellationToken cancellationToken);

    /// <summary>
    /// Rows per <c>INSERT</c> statement when many rows are written (<see cref="RowInserts"/>); the
    /// statement is prepared once and run again for every full chunk.
    /// </summary>
    int RowsPerInsert { get; }

    /// <summary>Names the database for messages and logs: never a password or the rest of the connection string.</summary>
    string Describe(string? connectionString);
}
