using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CloudjetGraph.Core.Data.Engines;

/// <summary>The engine of a configured provider, or of the provider a context already uses.</summary>
public static class DatabaseEngines
{
    /// <summary>The engine for <c>Database:Provider</c>.</summary>
    public static IDatabaseEngine For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => PostgresEngine.Instance,
        _ => SqliteEngine.Instance,
    };

    /// <summary>The engine of the provider this context was configured with.</summary>
    public static IDatabaseEngine Engine(this DatabaseFacade database) =>
        database.IsNpgsql() ? PostgresEngine.Instance : SqliteEngine.Instance;
}
