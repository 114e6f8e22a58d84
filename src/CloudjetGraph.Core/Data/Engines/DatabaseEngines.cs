using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CloudjetGraph.Core.Data.Engines;

/// <summary>The engine of a configured provider, or of the provider a context already uses.</summary>
internal static class DatabaseEngines
{
    /// <summary>
    /// How <c>ids.Contains(x)</c> reaches SQL on both providers: one array-like parameter
    /// (<c>json_each</c> on SQLite, <c>= ANY</c> on PostgreSQL), whatever the list's length. EF Core
    /// 10's default writes one parameter per element, and a key job batch of tens of thousands of
    /// ids then breaks SQLite's 32,766 and PostgreSQL's 65,535 parameter limits mid-job.
    /// </summary>
    internal const ParameterTranslationMode CollectionMode = ParameterTranslationMode.Parameter;

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
