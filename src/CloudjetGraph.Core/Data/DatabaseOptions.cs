using System.ComponentModel.DataAnnotations;

namespace CloudjetGraph.Core.Data;

/// <summary>Where the profile database and the key store live.</summary>
internal sealed class DatabaseOptions
{
    /// <summary>Configuration section: <c>Database</c>.</summary>
    public const string SectionName = "Database";

    /// <summary>
    /// <c>Sqlite</c> (the default: files, one instance) or <c>Postgres</c>, for both databases alike. On
    /// PostgreSQL both <c>ConnectionStrings:Cloudjet</c> and <c>ConnectionStrings:CloudjetKeys</c> must be set.
    /// </summary>
    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
