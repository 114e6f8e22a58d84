using System.Text;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CloudjetGraph.IntegrationTests.Protection;

public sealed class EncryptionAtRestTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private static readonly string[] SealedColumns = ["FullName", "Email", "Phone", "Skype", "Department", "JobTitle", "LoginEmail"];

    [Fact]
    public async Task DatabaseFileAndWal_ScannedForEverySeededValue_HoldNoPlaintext()
    {
        // SQLite folds the WAL into the database and deletes it when the last connection closes:
        // hold one open, and write a fresh profile, so the WAL surely exists and holds new pages.
        await using var walKeeper = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await walKeeper.OpenAsync();

        // Opening is lazy: only a first read maps the WAL index, which is what keeps the WAL alive.
        await using (var read = walKeeper.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM Profiles";
            await read.ExecuteScalarAsync();
        }

        var fresh = Owners.NewInput("at-rest");
        await app.SignUpAsync(fresh);
        var stored = StoredPersonalValues.ByProfile(app.Services);
        Assert.Equal(200 + 1, stored.Count);
        var plaintexts = stored.Values.SelectMany(values => values).Distinct().ToList();
        Assert.True(plaintexts.Count > 700, $"Only {plaintexts.Count} distinct values to look for.");
        Assert.Contains((string)fresh["fullName"]!, plaintexts);

        var files = new[] { app.DatabasePath, app.DatabasePath + "-wal" };
        Assert.True(new FileInfo(files[1]).Length > 0, "The WAL is empty.");
        foreach (var file in files)
        {
            var bytes = await ReadSharedAsync(file);
            foreach (var plaintext in plaintexts)
            {
                Assert.True(
                    bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(plaintext)) < 0 && bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(plaintext)) < 0,
                    $"{Path.GetFileName(file)} holds a plaintext personal value.");
            }
        }
    }

    [Fact]
    public async Task EveryStoredValue_NamesTheActiveFieldKeyInItsHeader()
    {
        var activeKey = app.WithDb(db => db.DataKeys.Single(k => k.Purpose == DataKeyPurpose.FieldEncryption && k.IsActive).Id);
        var counted = 0;
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", SealedColumns)} FROM Profiles";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var column = 0; column < SealedColumns.Length; column++)
            {
                if (reader.IsDBNull(column))
                {
                    continue;
                }

                var stored = (byte[])reader.GetValue(column);
                Assert.Equal(SealedValueFormat.CurrentVersion, stored[0]);
                Assert.Equal(activeKey, SealedValueFormat.ReadDataKeyId(stored));
                counted++;
            }
        }

        Assert.True(counted >= 200 * 6, $"Only {counted} sealed values found.");
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
