using CloudjetGraph.Core.Data.Engines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CloudjetGraph.Core.Data;

/// <summary>Read-only checks of the database for tools that must never create or migrate it.</summary>
internal static class DatabaseSchema
{
    /// <summary>
    /// Whether the database exists and has been migrated at least once. Existence is checked first,
    /// because opening a missing SQLite file would create it empty; then the history table, because
    /// reading a missing one fails (and EF Core logs that as an error) on PostgreSQL.
    /// </summary>
    public static async Task<bool> IsInitializedAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        await database.Engine().ExistsAsync(database, cancellationToken)
            && await database.GetService<IHistoryRepository>().ExistsAsync(cancellationToken)
            && (await database.GetAppliedMigrationsAsync(cancellationToken)).Any();

    /// <summary>Whether the database exists and is migrated to this version, with no migration pending.</summary>
    public static async Task<bool> IsCurrentAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        await IsInitializedAsync(database, cancellationToken)
            && !(await database.GetPendingMigrationsAsync(cancellationToken)).Any();
}
