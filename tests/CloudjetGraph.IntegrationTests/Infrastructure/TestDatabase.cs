using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using CloudjetGraph.Core.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// Which database server this run's hosts use: <c>CLOUDJET_TEST_PROVIDER</c> (<c>Sqlite</c>, the
/// default, or <c>Postgres</c>) and, for PostgreSQL, the server in <c>CLOUDJET_TEST_POSTGRES</c> (an
/// Npgsql connection string of a user that may create databases; <c>.ci/postgres start</c> makes one).
/// </summary>
public static class TestDatabase
{
    public const string ProviderVariable = "CLOUDJET_TEST_PROVIDER";
    public const string ServerVariable = "CLOUDJET_TEST_POSTGRES";
    public const string BinariesVariable = "CLOUDJET_TEST_POSTGRES_BIN";

    /// <summary>The provider of this run.</summary>
    internal static DatabaseProvider Provider { get; } =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable(ProviderVariable), ignoreCase: true, out var provider) ? provider : DatabaseProvider.Sqlite;

    public static bool IsPostgres => Provider == DatabaseProvider.Postgres;

    /// <summary>The PostgreSQL server, or null when none is configured.</summary>
    public static string? Server { get; } = Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : null;

    /// <summary>CI must run every database test: a missing server there fails the run instead of skipping it.</summary>
    public static bool IsCi { get; } = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server, or a failure that says how to get one.</summary>
    public static string RequiredServer => Server
        ?? throw new InvalidOperationException($"{ProviderVariable}=Postgres needs {ServerVariable}: start a throwaway server with `eval \"$(.ci/postgres start)\"`.");

    /// <summary>
    /// On PostgreSQL, the profile database's name for a test data directory (the key store's adds
    /// <c>_keys</c>), so that whatever names a directory's <c>cloudjet.db</c> names its databases on a PostgreSQL run too.
    /// </summary>
    public static string DatabaseNameFor(string dataDirectory) =>
        "cloudjet_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory).TrimEnd('/'))))[..24];

    /// <summary>The settings that put a gateway or the Cli on the databases of a test data directory (the key ring aside).</summary>
    public static Dictionary<string, string?> SettingsFor(string dataDirectory) => IsPostgres
        ? new()
        {
            [$"{DatabaseOptions.SectionName}:Provider"] = nameof(DatabaseProvider.Postgres),
            ["ConnectionStrings:Cloudjet"] = ServerDatabase(DatabaseNameFor(dataDirectory)),
            ["ConnectionStrings:CloudjetKeys"] = ServerDatabase(DatabaseNameFor(dataDirectory) + "_keys"),
        }
        : new() { ["ConnectionStrings:Cloudjet"] = $"Data Source={Path.Combine(dataDirectory, "cloudjet.db")}" };

    /// <summary>
    /// Opens the database a test names by its SQLite file (<c>DIR/cloudjet.db</c> or <c>DIR/keys.db</c>):
    /// that file, or on a PostgreSQL run the database of that directory.
    /// </summary>
    public static async Task<DbConnection> OpenAsync(string databasePath)
    {
        DbConnection connection;
        if (IsPostgres)
        {
            connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerDatabase(ServerNameOf(databasePath))) { Pooling = false }.ToString());
        }
        else
        {
            connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        }

        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Whether the database a test names by its SQLite file exists: that file, or on a PostgreSQL run that directory's database.</summary>
    public static async Task<bool> ExistsAsync(string databasePath)
    {
        if (!IsPostgres)
        {
            return File.Exists(databasePath);
        }

        await using var server = await OpenServerAsync();
        await using var command = server.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pg_database WHERE datname = @name";
        command.Parameters.AddWithValue("name", ServerNameOf(databasePath));
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>Removes the database a test names by its SQLite file (with its WAL), or on a PostgreSQL run that directory's database.</summary>
    public static async Task DeleteAsync(string databasePath)
    {
        if (!IsPostgres)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(databasePath)!, Path.GetFileName(databasePath) + "*"))
            {
                File.Delete(file);
            }

            return;
        }

        await using var server = await OpenServerAsync();
        await using var command = server.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{ServerNameOf(databasePath)}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();

        // The pooled connections to it were ended by the server; a host started next must not draw one.
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>The statement of this run's dialect, for what the two do not share (triggers, blob literals, switching off foreign keys).</summary>
    public static string Sql(string sqlite, string postgres) => IsPostgres ? postgres : sqlite;

    private static string ServerNameOf(string databasePath) =>
        DatabaseNameFor(Path.GetDirectoryName(databasePath)!) + (Path.GetFileName(databasePath) == "keys.db" ? "_keys" : string.Empty);

    /// <summary>
    /// A connection to the server's maintenance database, where databases are listed, created and
    /// dropped. Pooled: every host asks here several times, and a new session costs the server a
    /// process and a password exchange.
    /// </summary>
    public static async Task<NpgsqlConnection> OpenServerAsync()
    {
        var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(RequiredServer) { Database = "postgres" }.ToString());
        await server.OpenAsync();
        return server;
    }

    private static string ServerDatabase(string name) => new NpgsqlConnectionStringBuilder(RequiredServer) { Database = name }.ToString();

    /// <summary>Why a test of this run is skipped, given its traits (see <see cref="TestTraits"/>); null when it runs.</summary>
    public static string? SkipReason(IReadOnlyDictionary<string, List<string>> traits)
    {
        if (IsPostgres && Server is null && !IsCi)
        {
            return $"The PostgreSQL run needs a server: {ServerVariable} is not set (start one with `eval \"$(.ci/postgres start)\"`).";
        }

        if (IsPostgres && traits.TryGetValue(TestTraits.SqliteFileOnly, out var sqliteReasons))
        {
            return $"SQLite file only: {string.Join("; ", sqliteReasons)}.";
        }

        if (!IsPostgres && traits.TryGetValue(TestTraits.PostgresOnly, out var postgresReasons))
        {
            return $"Runs in the PostgreSQL run ({ProviderVariable}=Postgres): {string.Join("; ", postgresReasons)}.";
        }

        return null;
    }
}
