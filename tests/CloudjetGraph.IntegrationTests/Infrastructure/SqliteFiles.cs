namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>A SQLite database's files as bytes on disk, for tests that prove what they no longer hold.</summary>
public static class SqliteFiles
{
    /// <summary>The database file and its WAL, those that exist.</summary>
    public static IEnumerable<string> DatabaseAndWal(CloudjetApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new[] { app.DatabasePath, app.DatabasePath + "-wal" }.Where(File.Exists);
    }

    /// <summary>A file's bytes, read while the gateway still has it open.</summary>
    public static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
