using Microsoft.Data.Sqlite;

namespace CloudjetGraph.Core.Data;

/// <summary>SQLite creates the database file but not its directory; this makes the directory.</summary>
internal static class DatabaseDirectory
{
    public static void EnsureExists(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:" && !string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
