using Microsoft.Data.Sqlite;

namespace CloudjetGraph.Core.Data;

/// <summary>The file behind a SQLite connection string.</summary>
internal static class SqliteFile
{
    /// <summary>SQLite creates the database file but not its directory; this makes the directory.</summary>
    public static void EnsureDirectory(string? connectionString)
    {
        if (PathOf(connectionString) is { } path && Path.GetDirectoryName(path) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }
    }

    /// <summary>Whether the database file exists; opening a missing one would create it empty.</summary>
    public static bool Exists(string? connectionString) => PathOf(connectionString) is not { } path || File.Exists(path);

    /// <summary>The file a connection string names, for messages; never the rest of the string, which may hold a password.</summary>
    public static string Describe(string? connectionString) => PathOf(connectionString) ?? ":memory:";

    /// <summary>The full path of the database file, or null for an in-memory database.</summary>
    public static string? PathOf(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" ? null : Path.GetFullPath(dataSource);
    }
}
