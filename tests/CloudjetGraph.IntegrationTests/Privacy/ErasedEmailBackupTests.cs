using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Privacy;

/// <summary>
/// Erasure reaches a profile database backup's email index: after the erasure, a blind-index
/// rotation, a reindex and the old key's destruction (through its waiting period), a copy of the
/// profile database taken before the erasure no longer confirms the erased person's email, with the
/// current key ring or a copy of the ring taken with the backup. The only copy of the key that
/// computed its entries is in the key store backup of that day, which is kept on a short retention.
/// SQLite files, the real gateway and the real Cli.
/// </summary>
[Trait(TestTraits.SqliteFileOnly, "copies the profile database and key store files as backups")]
public sealed class ErasedEmailBackupTests
{
    private const string DeleteMyAccount = "mutation($password: String!) { deleteMyAccount(password: $password) { erasedProfiles } }";
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Custodian_ErasesRotatesReindexesDestroys_BackupNoLongerConfirmsTheErasedEmail()
    {
        await using var host = new CloudjetApplication().With("DataProtection:RefreshInterval", "00:00:00.200");
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);
        var person = await ErasedPerson.SignUpAsync(host, "backup-email");
        var old = host.WithDb(db => db.DataKeys.Single(k => k.Purpose == DataKeyPurpose.BlindIndex && k.IsActive).Id);
        var oldWrapped = host.WithKeyStore(keyStore => keyStore.DataKeys.Single(k => k.Id == old).WrappedKey);

        // The backups of the day: the profile database, the key store and the key ring, each apart.
        var backup = await ErasedPerson.BackUpAsync(host, person);
        var backupDirectory = Path.GetDirectoryName(backup)!;
        var keyStoreBackup = Path.Combine(backupDirectory, "keys-backup.db");
        await host.ExecuteKeyStoreSqlAsync("VACUUM INTO $path", ("$path", keyStoreBackup));
        var ringBackup = Path.Combine(backupDirectory, "ring-backup");
        TemplateData.CopyDirectory(host.KeyRingPath, ringBackup);

        // Before anything, the backup confirms the email under the keys the gateway holds.
        Assert.Equal(3, await CountMatchesAsync(backup, Candidates(host, person.Email)));
        Assert.DoesNotContain(ReadBlindIndexKeyBytes(backup), bytes => bytes.Length > 0);

        (await host.Client(person.Token).PostAsync(DeleteMyAccount, new { password = Owners.Password })).Ok();
        await Custodian.RotateDataAsync(settings, "blind-index");
        var (reindexed, _, reindexError) = await Custodian.KeysAsync(settings, "reindex");
        Assert.True(reindexed == 0, reindexError);
        await DataKeyScheduling.ScheduleAndWaitAsync(host, settings, old);
        var (destroyed, _, destroyError) = await Custodian.KeysAsync(settings, "destroy-data", "--yes", old.ToString());
        Assert.True(destroyed == 0, destroyError);
        await Poll.UntilAsync(() => !host.Services.GetRequiredService<DataKeyRing>().TryGet(old, out _), Delay, "The gateway forgetting the destroyed key");

        // Every blind-index key that exists now computes nothing the backup holds for the email.
        Assert.Equal(0, await CountMatchesAsync(backup, Candidates(host, person.Email)));

        // The key that computed the backup's entries is nowhere but in the key store backup: not in
        // the live key store (file and WAL), not in the profile database, not in the backup itself.
        Assert.All(person.StoredBytes.TakeLast(2), entry => Assert.Equal(old, new Guid(entry.AsSpan(1, 16))));
        Assert.False(host.WithKeyStore(keyStore => keyStore.DataKeys.Any(k => k.Id == old)));
        foreach (var file in new[] { host.KeyStorePath, host.KeyStorePath + "-wal" }.Where(File.Exists))
        {
            Assert.True((await ErasedPerson.ReadSharedAsync(file)).AsSpan().IndexOf(oldWrapped) < 0, $"{Path.GetFileName(file)} still holds the destroyed key's bytes.");
        }

        Assert.DoesNotContain(ReadBlindIndexKeyBytes(host.DatabasePath), bytes => bytes.Length > 0);
        Assert.True((await ErasedPerson.ReadSharedAsync(keyStoreBackup)).AsSpan().IndexOf(oldWrapped) >= 0, "The key store backup of the day holds the key: that is what its short retention is for.");

        // Opened with the live key store, under the current ring or the backup's: refused, naming the missing key.
        foreach (var ring in new[] { host.KeyRingPath, ringBackup })
        {
            var onBackup = new Dictionary<string, string?>(settings)
            {
                ["ConnectionStrings:Cloudjet"] = $"Data Source={backup}",
                ["ConnectionStrings:CloudjetKeys"] = $"Data Source={host.KeyStorePath}",
                ["DataProtection:KeyRingPath"] = ring,
            };
            var (exitCode, _, error) = await Custodian.KeysAsync(onBackup, "list");
            Assert.Equal(6, exitCode);
            Assert.Contains($"does not hold blind-index data key {old}", error, StringComparison.Ordinal);
        }
    }

    // The email's entries, for every column and in both formats, under every blind-index key the gateway has loaded.
    private static byte[][] Candidates(CloudjetApplication host, string email) =>
        [.. BlindIndexColumn.All.SelectMany(column => host.Services.GetRequiredService<BlindIndex>().CandidatesForEmail(column, email))];

    // A lookup as login, sign-up and invitation binding make it: the profiles' two columns and the invitations'.
    private static async Task<long> CountMatchesAsync(string databasePath, byte[][] candidates)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        long matches = 0;
        foreach (var candidate in candidates)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT (SELECT COUNT(*) FROM "Profiles" WHERE "EmailIndex" = $e)
                     + (SELECT COUNT(*) FROM "Profiles" WHERE "LoginEmailIndex" = $e)
                     + (SELECT COUNT(*) FROM "Invitations" WHERE "EmailIndex" = $e)
                """;
            command.Parameters.AddWithValue("$e", candidate);
            matches += (long)(await command.ExecuteScalarAsync())!;
        }

        return matches;
    }

    private static List<byte[]> ReadBlindIndexKeyBytes(string databasePath) =>
        ReadBlobs(databasePath, $"""SELECT "WrappedKey" FROM "DataKeys" WHERE "Purpose" = {(int)DataKeyPurpose.BlindIndex}""");

    private static List<byte[]> ReadBlobs(string databasePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var blobs = new List<byte[]>();
        while (reader.Read())
        {
            blobs.Add(reader.IsDBNull(0) ? [] : (byte[])reader[0]);
        }

        return blobs;
    }
}
