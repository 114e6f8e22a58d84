using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CloudjetGraph.Core.Data;

/// <summary>Read-only checks of the database for tools that must never create or migrate it.</summary>
internal static class DatabaseSchema
{
    /// <summary>
    /// Whether the database exists and has been migrated at least once. A missing SQLite file is
    /// checked first, because opening it would create it empty.
    /// </summary>
    public static async Task<bool> IsInitializedAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        (!database.IsSqlite() || SqliteFile.Exists(database.GetConnectionString()))
            && (await database.GetAppliedMigrationsAsync(cancellationToken)).Any();
}
