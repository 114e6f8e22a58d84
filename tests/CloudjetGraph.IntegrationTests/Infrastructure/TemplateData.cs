using CloudjetGraph.Core.Data.Engines;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// The data a Development test host starts on: both databases migrated, the key ring and its data
/// keys made, the demo data seeded. Made once per test run by a host of its own, then copied for
/// every host that would only make the same again (<see cref="CloudjetApplication.FromTemplate"/>):
/// the SQLite pair and the ring folder, or on PostgreSQL <c>CREATE DATABASE … TEMPLATE</c>. The
/// host then starts as on kept data, finding nothing to migrate, make or seed. Profile and key ids
/// therefore repeat between hosts; each host still has its own files or databases.
/// </summary>
public static class TemplateData
{
    private static readonly Lazy<Task<CloudjetApplication>> Template = new(() => Task.Run(CreateAsync));

    // CREATE DATABASE … TEMPLATE refuses while another session copies the same template.
    private static readonly SemaphoreSlim PostgresCopies = new(1, 1);

    /// <summary>
    /// Whether nothing was made for <paramref name="dataDirectory"/> yet: no file in it, and on
    /// PostgreSQL no database named after it (taking the startup lock there creates one).
    /// </summary>
    public static bool IsNew(string dataDirectory)
    {
        if (Directory.Exists(dataDirectory) && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
        {
            return false;
        }

        return !TestDatabase.IsPostgres
            || !Task.Run(async () => await TestDatabase.ExistsAsync(Path.Combine(dataDirectory, "cloudjet.db")) || await TestDatabase.ExistsAsync(Path.Combine(dataDirectory, "keys.db"))).GetAwaiter().GetResult();
    }

    /// <summary>Copies the template's data into <paramref name="dataDirectory"/>, which must be new (<see cref="IsNew"/>).</summary>
    public static void CopyTo(string dataDirectory)
    {
        // Called while a host is being built, which xunit and WebApplicationFactory do synchronously.
        var template = Template.Value.GetAwaiter().GetResult();
        CopyDirectory(template.KeyRingPath, Path.Combine(dataDirectory, "keys"));
        if (template.Provider == Core.Data.DatabaseProvider.Postgres)
        {
            Task.Run(() => CopyPostgresAsync(template.DatabaseName, TestDatabase.DatabaseNameFor(dataDirectory))).GetAwaiter().GetResult();
            return;
        }

        foreach (var file in Directory.EnumerateFiles(template.DataDirectory).Where(file => !file.EndsWith(SqliteEngine.StartupLockSuffix, StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(dataDirectory, Path.GetFileName(file)));
        }
    }

    private static async Task<CloudjetApplication> CreateAsync()
    {
        var template = new CloudjetApplication
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), "cloudjet-tests", "template-" + Guid.NewGuid().ToString("N")),
            KeepData = true,
            FromTemplate = false,
        };
        await template.InitializeAsync();
        await template.DisposeAsync();

        // Nothing may hold the template open while it is copied: SQLite then has no WAL left to
        // checkpoint, and PostgreSQL copies only a database nobody is connected to.
        SqliteConnection.ClearAllPools();
        if (template.Provider == Core.Data.DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(template);
        return template;
    }

    private static async Task CopyPostgresAsync(string template, string database)
    {
        await PostgresCopies.WaitAsync();
        try
        {
            await using var server = await TestDatabase.OpenServerAsync();
            foreach (var suffix in new[] { string.Empty, "_keys" })
            {
                await using var create = server.CreateCommand();
                // FILE_COPY copies the files (66 ms a database here) where the default WAL_LOG writes
                // every block through the WAL (205 ms); the throwaway server runs with fsync off.
                create.CommandText = $"CREATE DATABASE \"{database}{suffix}\" TEMPLATE \"{template}{suffix}\" STRATEGY FILE_COPY";
                await create.ExecuteNonQueryAsync();
            }
        }
        finally
        {
            PostgresCopies.Release();
        }
    }

    /// <summary>Copies a folder and everything in it.</summary>
    internal static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            CopyDirectory(directory, Path.Combine(target, Path.GetFileName(directory)));
        }
    }

    private static void Delete(CloudjetApplication template)
    {
        try
        {
            Directory.Delete(template.DataDirectory, recursive: true);
            if (template.Provider == Core.Data.DatabaseProvider.Postgres)
            {
                using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.RequiredServer) { Database = "postgres", Pooling = false }.ToString());
                server.Open();
                foreach (var suffix in new[] { string.Empty, "_keys" })
                {
                    using var drop = server.CreateCommand();
                    drop.CommandText = $"DROP DATABASE IF EXISTS \"{template.DatabaseName}{suffix}\" WITH (FORCE)";
                    drop.ExecuteNonQuery();
                }
            }
        }
        catch (Exception exception) when (exception is IOException or NpgsqlException)
        {
            // A template left behind is only a temporary directory or a database on a throwaway server.
        }
    }
}
