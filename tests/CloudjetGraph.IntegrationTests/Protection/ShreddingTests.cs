using System.Text.Json.Nodes;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Protection;

/// <summary>Shredding a person key makes that person's values unreadable everywhere, backups included, and nobody else's.</summary>
[ProviderSensitive("secure erasure of person keys")]
public sealed class ShreddingTests
{
    private const string Withheld = "<withheld>";
    private const string LoginMutation = "mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }";
    private const string ReadProfile = "query($id: ID!) { profile(id: $id) { id fullName email phone skype department jobTitle loginEmail } }";
    private static readonly string[] PersonalFields = ["fullName", "email", "phone", "skype", "department", "jobTitle", "loginEmail"];

    [Fact]
    [Trait(TestTraits.SqliteFileOnly, "copies the database file with VACUUM INTO; on PostgreSQL the erasure tests restore a pg_dump instead")]
    public async Task DatabaseCopyTakenBeforeShredding_OpenedWithLiveKeyStore_YieldsNothingOfThatPersonAndEveryOtherPersonsValues()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        var before = ReadEveryValue(app.Services);
        var backupDirectory = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(backupDirectory);
        await app.ExecuteSqlAsync("VACUUM INTO $path", ("$path", Path.Combine(backupDirectory, "cloudjet.db")));
        var shredded = before.Keys.Order().ElementAt(7);

        Assert.True(await app.Services.GetRequiredService<PersonKeyShredder>().ShredAsync(shredded, CancellationToken.None));

        // The backup, restored beside the live key ring and the live key store.
        await using var restored = new CloudjetApplication { DataDirectory = backupDirectory }
            .With("DataProtection:KeyRingPath", app.KeyRingPath)
            .With("ConnectionStrings:CloudjetKeys", $"Data Source={app.KeyStorePath}");
        await restored.InitializeAsync();
        var after = ReadEveryValue(restored.Services);

        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.True(before[shredded].Count(value => value is not null) >= 6);
        Assert.Equal(before[shredded].Select(value => value is null ? null : Withheld), after[shredded]);
        Assert.All(before.Keys.Where(id => id != shredded), id => Assert.Equal(before[id], after[id]));
        var response = await restored.Client(restored.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(ReadProfile, new { id = shredded });
        Assert.Equal(shredded.ToString(), response.Data!["profile"]!["id"]!.GetValue<string>());
        Assert.Equal("DATA_INTEGRITY", response.ErrorAt("profile", "fullName")?["extensions"]?["code"]?.GetValue<string>());
    }

    [Fact]
    public async Task Management_ReadsShreddedProfile_GetsDataIntegrityOnEveryPersonalFieldAndOthersUnaffected()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        var shredded = await app.SignUpAsync(Owners.NewInput("shredded"));
        var kept = await app.SignUpAsync(Owners.NewInput("kept"));

        await app.Services.GetRequiredService<PersonKeyShredder>().ShredAsync(shredded, CancellationToken.None);

        var client = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));
        var response = await client.PostAsync(ReadProfile, new { id = shredded });
        Assert.Equal(shredded.ToString(), response.Data!["profile"]!["id"]!.GetValue<string>());
        Assert.All(PersonalFields, field =>
        {
            Assert.Null(response.Data!["profile"]![field]);
            Assert.Equal("DATA_INTEGRITY", response.ErrorAt("profile", field)?["extensions"]?["code"]?.GetValue<string>());
        });
        Assert.Equal(PersonalFields.Length, response.Errors.Count);
        Assert.DoesNotContain("Kiểm Thử shredded", response.Body, StringComparison.Ordinal);
        var other = (await client.PostAsync(ReadProfile, new { id = kept })).Ok()["profile"]!;
        Assert.Equal("Trần Thị Kiểm Thử kept", other["fullName"]!.GetValue<string>());
        Assert.Equal("kiem.thu.kept@example.vn", other["loginEmail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Owner_EditsAfterTheirKeyWasShredded_GetsDataIntegrityAndNothingIsWritten()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        var input = Owners.NewInput("shredded-owner");
        var profileId = await app.SignUpAsync(input);
        var token = await app.LoginAsync((string)input["email"]!);
        var stored = app.WithDb(db => db.Profiles.Single(p => p.Id == profileId).FullName);

        await app.Services.GetRequiredService<PersonKeyShredder>().ShredAsync(profileId, CancellationToken.None);
        var response = await app.Client(token).PostAsync(
            "mutation { updateMyProfile(input: { jobTitle: \"Trưởng nhóm\" }) { jobTitle } }");

        Assert.Equal(["DATA_INTEGRITY"], response.Codes);
        Assert.Equal(stored, app.WithDb(db => db.Profiles.Single(p => p.Id == profileId).FullName));
        Assert.Equal(0, app.WithKeyStore(keyStore => keyStore.PersonKeys.Count(k => k.ProfileId == profileId)));
    }

    [Fact]
    public async Task Owner_LogsInAfterTheirKeyWasShredded_GetsInvalidCredentials()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        var input = Owners.NewInput("shredded-login");
        var profileId = await app.SignUpAsync(input);
        Assert.NotNull(await app.LoginAsync((string)input["email"]!));

        await app.Services.GetRequiredService<PersonKeyShredder>().ShredAsync(profileId, CancellationToken.None);
        var response = await app.Client().PostAsync(LoginMutation, new { email = input["email"], password = Owners.Password });

        Assert.Equal(["AUTH_INVALID_CREDENTIALS"], response.Codes);
        Assert.NotNull(app.WithDb(db => db.Profiles.Single(p => p.Id == profileId).PasswordHash));
    }

    [Fact]
    [Trait(TestTraits.SqliteFileOnly, "scans the bytes of the key store file and its WAL")]
    public async Task Shred_KeyRow_LeavesNoWrappedKeyBytesInKeyStoreFileOrWal()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        var profileId = await app.SignUpAsync(Owners.NewInput("secure-delete"));
        var wrappedKey = await WrappedKeyOfAsync(app, profileId);

        await app.Services.GetRequiredService<PersonKeyShredder>().ShredAsync(profileId, CancellationToken.None);

        Assert.Equal(0, app.WithKeyStore(keyStore => keyStore.PersonKeys.Count(k => k.ProfileId == profileId)));
        foreach (var file in new[] { app.KeyStorePath, app.KeyStorePath + "-wal" }.Where(File.Exists))
        {
            Assert.True((await ReadSharedAsync(file)).AsSpan().IndexOf(wrappedKey) < 0, $"{Path.GetFileName(file)} still holds the shredded wrapped key.");
        }
    }

    [Fact]
    public async Task Shred_ProfileWithoutKey_ReturnsFalse()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        var shredder = app.Services.GetRequiredService<PersonKeyShredder>();
        var profileId = await app.SignUpAsync(Owners.NewInput("shred-twice"));

        Assert.True(await shredder.ShredAsync(profileId, CancellationToken.None));
        Assert.False(await shredder.ShredAsync(profileId, CancellationToken.None));
        Assert.False(await shredder.ShredAsync(Guid.CreateVersion7(), CancellationToken.None));
    }

    [Fact]
    public async Task Management_ReadsProfileWhosePersonKeyRowWasCopiedFromAnother_GetsDataIntegrity()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));
        Guid donor, victim;
        await using (var first = new CloudjetApplication { DataDirectory = dataDirectory, KeepData = true })
        {
            await first.InitializeAsync();
            donor = await first.SignUpAsync(Owners.NewInput("key-donor"));
            victim = await first.SignUpAsync(Owners.NewInput("key-victim"));
        }

        // Someone with write access to the key store gives the victim the donor's wrapped key.
        await using var second = new CloudjetApplication { DataDirectory = dataDirectory };
        Assert.Equal(1, await second.ExecuteKeyStoreSqlAsync("UPDATE PersonKeys SET WrappedKey = (SELECT WrappedKey FROM PersonKeys WHERE ProfileId = $donor) WHERE ProfileId = $victim", ("$donor", donor), ("$victim", victim)));
        await second.InitializeAsync();
        var client = second.Client(second.StaffToken(DefaultRole.Management, "management-demo"));
        var response = await client.PostAsync(ReadProfile, new { id = victim });

        Assert.Equal("DATA_INTEGRITY", response.ErrorAt("profile", "fullName")?["extensions"]?["code"]?.GetValue<string>());
        Assert.DoesNotContain("Kiểm Thử key-", response.Body, StringComparison.Ordinal);
        Assert.Equal("Trần Thị Kiểm Thử key-donor", (await client.PostAsync(ReadProfile, new { id = donor })).Ok()["profile"]!["fullName"]!.GetValue<string>());
    }

    /// <summary>Every sealed field of every profile, opened through the host's own services; a field that fails to open reads <see cref="Withheld"/>.</summary>
    private static Dictionary<Guid, string?[]> ReadEveryValue(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sealer = scope.ServiceProvider.GetRequiredService<ProfileSealer>();
        return scope.ServiceProvider.GetRequiredService<CloudjetDbContext>().Profiles.ToList().ToDictionary(
            profile => profile.Id,
            profile => ProfileFields.Sealed.Select(field => OpenOrWithheld(sealer, profile, field)).ToArray());
    }

    private static string? OpenOrWithheld(ProfileSealer sealer, Profile profile, ProfileField field)
    {
        try
        {
            return sealer.Open(profile, field);
        }
        catch (FieldIntegrityException)
        {
            return Withheld;
        }
    }

    private static async Task<byte[]> WrappedKeyOfAsync(CloudjetApplication app, Guid profileId)
    {
        await using var connection = new SqliteConnection($"Data Source={app.KeyStorePath};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT WrappedKey FROM PersonKeys WHERE ProfileId = $id";
        command.Parameters.AddWithValue("$id", profileId.ToString().ToUpperInvariant());
        return (byte[])(await command.ExecuteScalarAsync())!;
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
