using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>A hash of every row of every table of a SQLite file: equal digests mean nothing was written.</summary>
public static class DatabaseDigest
{
    /// <summary>Hashes every table, or only <paramref name="onlyTables"/> when any are named.</summary>
    public static Task<string> OfAsync(string databasePath, params string[] onlyTables) => HashAsync(databasePath, onlyTables, []);

    /// <summary>
    /// Hashes every table but the audit trail, which every key verb appends to: equal digests mean
    /// the verb changed no data and no key. (SQLite's <c>sqlite_sequence</c> holds other tables'
    /// last ids; no verb that changes nothing moves it.)
    /// </summary>
    public static Task<string> ExceptAuditTrailAsync(string databasePath) => HashAsync(databasePath, [], ["AuditEntries", "AuditEntryProfiles"]);

    private static async Task<string> HashAsync(string databasePath, string[] onlyTables, string[] exceptTables)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
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
            throw new ArgumentException($"Not every table of [{string.Join(", ", onlyTables)}] is in {databasePath}.", nameof(onlyTables));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in tables)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"table {table}\n"));
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "∅" : reader.GetValue(i) is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                    hash.AppendData(Encoding.UTF8.GetBytes($"{value}\u001f"));
                }

                hash.AppendData("\n"u8);
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
