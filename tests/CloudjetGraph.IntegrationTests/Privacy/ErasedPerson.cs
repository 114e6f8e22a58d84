using CloudjetGraph.IntegrationTests.Authentication;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Privacy;

/// <summary>
/// A person signed up through the public mutations with an invitation bound to their email, and
/// everything that must be gone after their erasure: the sealed bytes and blind-index bytes of their
/// row, a copy of the database taken before, their credentials and their old token.
/// </summary>
public sealed class ErasedPerson
{
    private const string LoginMutation = "mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }";

    private static readonly string[] TextFields = ["fullName", "email", "skype", "department", "jobTitle"];

    private ErasedPerson(Dictionary<string, object?> input, Guid profileId, string token, Guid organizationId, List<byte[]> storedBytes, List<string> values)
    {
        Input = input;
        ProfileId = profileId;
        Token = token;
        OrganizationId = organizationId;
        StoredBytes = storedBytes;
        Values = values;
    }

    public Dictionary<string, object?> Input { get; }

    public string Email => (string)Input["email"]!;

    public Guid ProfileId { get; }

    public string Token { get; }

    public Guid OrganizationId { get; }

    /// <summary>Every sealed value, the sealed password hash and both blind-index entries of the row, as stored.</summary>
    public List<byte[]> StoredBytes { get; }

    /// <summary>The plaintext values, to look for in logs.</summary>
    public List<string> Values { get; }

    /// <summary>Invites (bound to the email, so the invitation holds the email's blind index too), signs up and logs in.</summary>
    public static async Task<ErasedPerson> SignUpAsync(CloudjetApplication app, string tag, Guid? organizationId = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var organization = organizationId ?? Owners.OrganizationId(1);
        var input = Owners.NewInput(tag);
        input["invitationCode"] = await app.InviteAsync(organization, (string)input["email"]!);
        var response = await app.Client().PostAsync(Owners.SignUpMutation, new { input });
        var profileId = Guid.Parse(response.Ok()["signUp"]!["profileId"]!.GetValue<string>());
        var token = await app.LoginAsync((string)input["email"]!);
        var row = app.WithDb(db => db.Profiles.AsNoTracking().Single(p => p.Id == profileId));
        var bytes = ProfileSealer.SealedValues(row).Append(row.EmailIndex).Append(row.LoginEmailIndex).OfType<byte[]>().ToList();
        Assert.Equal(ProfileFields.Sealed.Count + 3, bytes.Count);
        var values = TextFields.Select(key => (string)input[key]!).ToList();
        return new ErasedPerson(input, profileId, token, organization, bytes, values);
    }

    /// <summary>
    /// A copy of the database as a backup would hold it, checked to yield this person's values now:
    /// on SQLite a <c>VACUUM INTO</c> file (its path is returned), on PostgreSQL a <c>pg_dump</c>
    /// restored into a database of its own (its connection string is returned; dropped with the host's).
    /// </summary>
    public static async Task<string> BackUpAsync(CloudjetApplication app, params ErasedPerson[] people)
    {
        ArgumentNullException.ThrowIfNull(app);
        string path;
        if (app.Provider == DatabaseProvider.Postgres)
        {
            path = await PostgresTools.RestoreAsync(app.ConnectionString, await PostgresTools.DumpAsync(app.ConnectionString), $"{app.DatabaseName}_backup_{Guid.NewGuid():N}"[..63]);
        }
        else
        {
            path = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"), "backup.db");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await app.ExecuteSqlAsync("VACUUM INTO $path", ("$path", path));
        }

        foreach (var person in people)
        {
            // The copy is readable before the erasure, so the check after it can fail.
            Assert.Equal((string)person.Input["fullName"]!, OpenFromCopy(app, path, person.ProfileId, ProfileField.FullName));
        }

        return path;
    }

    /// <summary>Everything the erasure must have done, checked from outside the gateway.</summary>
    public async Task AssertErasedAsync(CloudjetApplication app, string backupPath)
    {
        ArgumentNullException.ThrowIfNull(app);
        Assert.False(app.WithDb(db => db.Profiles.Any(p => p.Id == ProfileId)), "The profile row is still there.");
        Assert.Equal(0, app.WithKeyStore(keyStore => keyStore.PersonKeys.Count(k => k.ProfileId == ProfileId)));

        // Not in the live file, nor in its WAL or rollback journal: scanned byte by byte. PostgreSQL
        // keeps dead tuples until VACUUM (docs/deployment.md): there, a dump of the live database.
        if (app.Provider == DatabaseProvider.Postgres)
        {
            var dump = await PostgresTools.DumpAsync(app.ConnectionString);
            for (var i = 0; i < StoredBytes.Count; i++)
            {
                Assert.True(!dump.Contains(Convert.ToHexStringLower(StoredBytes[i]), StringComparison.Ordinal), $"A dump of the live database still holds stored value #{i} of the erased profile.");
            }
        }

        // Readers that kept the checkpoint busy throughout leave the old pages until the next one, and a log line says so.
        var checkpointBusy = app.Logs.Lines.Any(line => line.Contains("could not be truncated after an erasure", StringComparison.Ordinal)) ? " (the gateway logged that readers kept its checkpoint busy)" : string.Empty;
        foreach (var file in new[] { app.DatabasePath, app.DatabasePath + "-wal", app.DatabasePath + "-journal" }.Where(File.Exists))
        {
            var content = await ReadSharedAsync(file);
            for (var i = 0; i < StoredBytes.Count; i++)
            {
                Assert.True(content.AsSpan().IndexOf(StoredBytes[i]) < 0, $"{Path.GetFileName(file)} still holds stored value #{i} of the erased profile{checkpointBusy}.");
            }
        }

        // The copy taken before still has the row, but with the key shredded it yields nothing.
        Assert.All(ProfileFields.Sealed, field => Assert.Throws<FieldIntegrityException>(() => OpenFromCopy(app, backupPath, ProfileId, field)));
        await Assert.ThrowsAsync<FieldIntegrityException>(() => OpenPasswordHashFromCopyAsync(app, backupPath, ProfileId));

        var login = await app.Client().PostAsync(LoginMutation, new { email = Email, password = Owners.Password });
        Assert.Equal(["AUTH_INVALID_CREDENTIALS"], login.Codes);

        // The erased owner's token no longer verifies: its account is gone.
        await InvalidTokenResponse.AssertRefusedAsync(app, Token);

        Assert.DoesNotContain(app.Logs.Lines, line => Values.Any(value => line.Contains(value, StringComparison.Ordinal)));
    }

    /// <summary>The same email signs up again (with a new invitation bound to it) and logs in to a new, empty account.</summary>
    public async Task AssertEmailSignsUpAgainAsync(CloudjetApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var again = new Dictionary<string, object?>(Input) { ["invitationCode"] = await app.InviteAsync(OrganizationId, Email) };
        var response = await app.Client().PostAsync(Owners.SignUpMutation, new { input = again });
        var newId = Guid.Parse(response.Ok()["signUp"]!["profileId"]!.GetValue<string>());
        Assert.NotEqual(ProfileId, newId);
        var me = (await app.Client(await app.LoginAsync(Email)).PostAsync("{ me { id loginEmail } }")).Ok()["me"]!;
        Assert.Equal(newId.ToString(), me["id"]!.GetValue<string>());
        Assert.Equal(Email, me["loginEmail"]!.GetValue<string>());
    }

    private static string? OpenFromCopy(CloudjetApplication app, string path, Guid profileId, ProfileField field)
    {
        using var copy = OpenCopy(app, path);
        return app.Services.GetRequiredService<ProfileSealer>().Open(copy.Profiles.AsNoTracking().Single(p => p.Id == profileId), field);
    }

    private static async Task<string?> OpenPasswordHashFromCopyAsync(CloudjetApplication app, string path, Guid profileId)
    {
        await using var copy = OpenCopy(app, path);
        var profile = await copy.Profiles.AsNoTracking().SingleAsync(p => p.Id == profileId);
        return await app.Services.GetRequiredService<ProfileSealer>().OpenPasswordHashAsync(profile, CancellationToken.None);
    }

    private static CloudjetDbContext OpenCopy(CloudjetApplication app, string path) => app.Provider == DatabaseProvider.Postgres
        ? new(new DbContextOptionsBuilder<CloudjetDbContext>().UseNpgsql(path).Options)
        : new(new DbContextOptionsBuilder<CloudjetDbContext>().UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()).Options);

    /// <summary>A file's bytes while the gateway may still hold it open.</summary>
    internal static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
