using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>A hash of every row of every table of a database: equal digests mean nothing was written.</summary>
public static class DatabaseDigest
{
    private const string PostgresTables = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name";

    /// <summary>As <see cref="OfAsync(string, string[])"/>, for a host's profile database on either provider.</summary>
    public static Task<string> OfAsync(CloudjetApplication host, params string[] onlyTables) => HashAsync(host.DatabasePath, onlyTables, []);

    /// <summary>As <see cref="OfAsync(string, string[])"/>, for a host's key store on either provider.</summary>
    public static Task<string> OfKeyStoreAsync(CloudjetApplication host, params string[] onlyTables) => HashAsync(host.KeyStorePath, onlyTables, []);

    // What records attempts, refused ones too: the trail, and the counters of the login and sign-up limits.
    private static readonly string[] AttemptRecords = ["AuditEntries", "AuditEntryProfiles", "RateLimitCounters"];

    /// <summary>As <see cref="ExceptAuditTrailAsync(string)"/>, for a host's profile database on either provider.</summary>
    public static Task<string> ExceptAuditTrailAsync(CloudjetApplication host) => HashAsync(host.DatabasePath, [], AttemptRecords);

    /// <summary>Hashes every table, or only <paramref name="onlyTables"/> when any are named. On a PostgreSQL run, the database of the file's directory.</summary>
    public static Task<string> OfAsync(string databasePath, params string[] onlyTables) => HashAsync(databasePath, onlyTables, []);

    /// <summary>
    /// Hashes every table but the audit trail, which every key verb appends to, and the rate-limit
    /// counters, which count refused logins and sign-ups too: equal digests mean nothing changed
    /// data or a key. (SQLite's <c>sqlite_sequence</c> holds other tables'
    /// last ids; no verb that changes nothing moves it.)
    /// </summary>
    public static Task<string> ExceptAuditTrailAsync(string databasePath) => HashAsync(databasePath, [], AttemptRecords);

    // On a PostgreSQL run, the database of the file's directory (TestDatabase.OpenAsync).
    private static async Task<string> HashAsync(string databasePath, string[] onlyTables, string[] exceptTables)
    {
        await using var connection = await TestDatabase.OpenAsync(databasePath);
        return await HashAsync(connection, databasePath, TestDatabase.IsPostgres ? PostgresTables : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", onlyTables, exceptTables);
    }

    private static async Task<string> HashAsync(DbConnection connection, string databaseName, string listTables, string[] onlyTables, string[] exceptTables)
    {
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = listTables;
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if ((onlyTables.Length == 0 || onlyTables.Contains(reader.GetString(0))) && !exceptTables.Contains(reader.GetString(0)))
                {
                    tables.Add(reader.GetString(0));
                }
            }
        }

        // A misspelt table would hash nothing and make every comparison pass.
        if (onlyTables.Length > 0 && tables.Count != onlyTables.Length)
        {
            throw new ArgumentException($"Not every table of [{string.Join(", ", onlyTables)}] is in {databaseName}.", nameof(onlyTables));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in tables)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"table {table}\n"));
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();

            // Rows in a fixed order that needs no rowid (PostgreSQL has none): their own text, sorted.
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "∅" : reader.GetValue(i) is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
                    row.Append(value).Append('\u001f');
                }

                rows.Add(row.ToString());
            }

            foreach (var row in rows.Order(StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(row + "\n"));
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
