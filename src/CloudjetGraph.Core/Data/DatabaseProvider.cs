namespace CloudjetGraph.Core.Data;

/// <summary>Which database server holds the profile database and the key store (<c>Database:Provider</c>).</summary>
internal enum DatabaseProvider
{
    /// <summary>SQLite files on this machine: one gateway instance, no setup. The default.</summary>
    Sqlite,

    /// <summary>PostgreSQL: several gateway instances and the custodians' tool share one server.</summary>
    Postgres,
}
