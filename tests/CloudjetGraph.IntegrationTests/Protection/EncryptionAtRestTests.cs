using System.Security.Cryptography;
using System.Text;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Protection;

/// <summary>Plaintext never reaches the SQLite files; <see cref="PostgresDumpTests"/> proves the same of PostgreSQL.</summary>
public sealed class EncryptionAtRestTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private static readonly string[] SealedColumns = ["FullName", "Email", "Phone", "Skype", "Department", "JobTitle", "LoginEmail"];

    [Fact]
    [Trait(TestTraits.SqliteFileOnly, "scans the bytes of the .db and -wal files")]
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
        Assert.True(stored.Count > 200, "The fresh profile is missing.");
        Assert.Equal(app.WithDb(db => db.Profiles.Count()), stored.Count);
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
    [Trait(TestTraits.SqliteFileOnly, "scans the bytes of the key store's .db and -wal files")]
    public async Task KeyStoreFileAndWal_ScannedForEveryValueAndUnwrappedKey_HoldNeither()
    {
        await using var walKeeper = new SqliteConnection($"Data Source={app.KeyStorePath};Pooling=False");
        await walKeeper.OpenAsync();
        await using (var read = walKeeper.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM PersonKeys";
            await read.ExecuteScalarAsync();
        }

        // A sign-up writes its person key to the key store, so its WAL holds new pages.
        await app.SignUpAsync(Owners.NewInput("key-store-scan"));
        var keys = await UnwrapEveryPersonKeyAsync(app);
        Assert.True(keys.Count > 200, "The fresh profile's key is missing.");
        Assert.Equal(app.WithDb(db => db.Profiles.Count()), keys.Count);
        var plaintexts = StoredPersonalValues.All(app.Services);
        Assert.True(plaintexts.Count > 700, $"Only {plaintexts.Count} distinct values to look for.");

        var files = new[] { app.KeyStorePath, app.KeyStorePath + "-wal" };
        Assert.True(new FileInfo(files[1]).Length > 0, "The key store's WAL is empty.");
        foreach (var file in files)
        {
            var bytes = await ReadSharedAsync(file);
            Assert.All(keys.Values, key => Assert.True(bytes.AsSpan().IndexOf(key) < 0, $"{Path.GetFileName(file)} holds an unwrapped person key."));
            foreach (var plaintext in plaintexts)
            {
                Assert.True(
                    bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(plaintext)) < 0 && bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(plaintext)) < 0,
                    $"{Path.GetFileName(file)} holds a plaintext personal value.");
            }
        }
    }

    [Fact]
    [ProviderSensitive("reads the stored bytes of every value")]
    public async Task EveryStoredValueAndPasswordHash_NamesItsProfilesPersonKeyInItsHeader()
    {
        var personKeyOf = new Dictionary<Guid, Guid>();
        await using (var keyStore = await app.OpenKeyStoreAsync())
        {
            await using var keys = keyStore.CreateCommand();
            keys.CommandText = "SELECT \"ProfileId\", \"Id\" FROM \"PersonKeys\"";
            await using var keyReader = await keys.ExecuteReaderAsync();
            while (await keyReader.ReadAsync())
            {
                personKeyOf.Add(keyReader.GetGuid(0), keyReader.GetGuid(1));
            }
        }

        var counted = 0;
        await using var connection = await app.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        string[] columns = [.. SealedColumns, "PasswordHash"];
        command.CommandText = $"SELECT \"Id\", {string.Join(", ", columns.Select(column => $"\"{column}\""))} FROM \"Profiles\"";
        await using var reader = await command.ExecuteReaderAsync();
        var keysSeen = new HashSet<Guid>();
        while (await reader.ReadAsync())
        {
            var personKey = personKeyOf[reader.GetGuid(0)];
            keysSeen.Add(personKey);
            for (var column = 1; column <= columns.Length; column++)
            {
                if (reader.IsDBNull(column))
                {
                    continue;
                }

                var stored = (byte[])reader.GetValue(column);
                Assert.Equal(SealedValueFormat.CurrentVersion, SealedValueFormat.ReadVersion(stored));
                Assert.Equal(personKey, SealedValueFormat.ReadKeyId(stored));
                counted++;
            }
        }

        Assert.True(counted >= 200 * 6, $"Only {counted} sealed values found.");
        Assert.True(keysSeen.Count >= 200, "Profiles share person keys.");
    }

    /// <summary>
    /// Every person key, unwrapped here by the test itself from the documented layout and associated
    /// data (docs/encryption.md), with the wrapping data key the host loaded.
    /// </summary>
    internal static async Task<Dictionary<Guid, byte[]>> UnwrapEveryPersonKeyAsync(CloudjetApplication app)
    {
        var ring = app.Services.GetRequiredService<DataKeyRing>();
        var keys = new Dictionary<Guid, byte[]>();
        await using var connection = await app.OpenKeyStoreAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\", \"ProfileId\", \"WrappingKeyId\", \"WrappedKey\" FROM \"PersonKeys\"";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var (id, profileId, wrappingKeyId, wrapped) = (reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), (byte[])reader.GetValue(3));
            var wrappingKey = ring.Get(wrappingKeyId);
            Assert.Equal(DataKeyPurpose.PersonKeyWrapping, wrappingKey.Purpose);
            var material = new byte[32];
            using var aes = new AesGcm(wrappingKey.Material, 16);
            aes.Decrypt(wrapped.AsSpan(0, 12), wrapped.AsSpan(12, 32), wrapped.AsSpan(44, 16), material, Encoding.UTF8.GetBytes($"cloudjet/person-key/v1|{id:N}|{profileId:N}|{wrappingKeyId:N}"));
            keys.Add(profileId, material);
        }

        return keys;
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
