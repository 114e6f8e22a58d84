using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Privacy;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Privacy;

/// <summary>Policy versions (POLICY.md §1, §8–10): the policy is public, a newer version is offered to owners, and only it can be accepted.</summary>
public sealed class PolicyConsentTests
{
    private const string NewVersion = "2026-07-01";
    private const string ReadConsent = "{ me { consent { policyVersion currentVersion upToDate acceptedAt } } }";
    private const string AcceptPolicy = "mutation($version: String!) { acceptPolicy(version: $version) { policyVersion currentVersion upToDate } }";

    [Fact]
    public async Task Anonymous_ReadsPrivacyPolicy_GetsTheConfiguredVersionAndController()
    {
        await using var app = new CloudjetApplication().WithNewerPolicy(NewVersion).With("Policy:Hotline", "028 1234 5678");
        await app.InitializeAsync();

        var response = await app.Client().PostAsync("{ privacyPolicy { version effectiveDate controllerName businessRegistration address contactEmail hotline } }");

        Assert.Equal(
            """{"privacyPolicy":{"version":"2026-07-01","effectiveDate":"2026-07-01","controllerName":"Cloudjet Solutions Co., Ltd.","businessRegistration":"0312033924","address":"2nd floor, F Central building, 16A Le Hong Phong, Ward 12, District 10, Ho Chi Minh City","contactEmail":"hello@cloudjetsolutions.com","hotline":"028 1234 5678"}}""",
            response.Ok().ToJsonString());
    }

    [Fact]
    public async Task Owner_BehindANewerConfiguredVersion_IsToldInMeUntilAcceptPolicy()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));
        ErasedPerson person;
        await using (var before = new CloudjetApplication { DataDirectory = dataDirectory, KeepData = true })
        {
            await before.InitializeAsync();
            person = await ErasedPerson.SignUpAsync(before, "policy-moves-on");
            var consent = (await before.Client(person.Token).PostAsync(ReadConsent)).Ok()["me"]!["consent"]!;
            Assert.True(consent["upToDate"]!.GetValue<bool>());
        }

        await using var app = new CloudjetApplication { DataDirectory = dataDirectory }.WithNewerPolicy(NewVersion);
        await app.InitializeAsync();
        var owner = app.Client(person.Token);

        var behind = (await owner.PostAsync(ReadConsent)).Ok()["me"]!["consent"]!;
        var accepted = (await owner.PostAsync(AcceptPolicy, new { version = NewVersion })).Ok()["acceptPolicy"]!;
        var acceptedAgain = (await owner.PostAsync(AcceptPolicy, new { version = NewVersion })).Ok()["acceptPolicy"]!;
        var after = (await owner.PostAsync(ReadConsent)).Ok()["me"]!["consent"]!;

        Assert.Equal(("2019-04-22", NewVersion, false), (behind["policyVersion"]!.GetValue<string>(), behind["currentVersion"]!.GetValue<string>(), behind["upToDate"]!.GetValue<bool>()));
        Assert.Equal("""{"policyVersion":"2026-07-01","currentVersion":"2026-07-01","upToDate":true}""", accepted.ToJsonString());
        Assert.Equal(accepted.ToJsonString(), acceptedAgain.ToJsonString());
        Assert.True(after["upToDate"]!.GetValue<bool>());
        Assert.True(after["acceptedAt"]!.GetValue<DateTimeOffset>() > behind["acceptedAt"]!.GetValue<DateTimeOffset>());

        // One event per acceptance, the second call adding none; the reader serves them oldest first.
        using var scope = app.Services.CreateScope();
        var history = await scope.ServiceProvider.GetRequiredService<ConsentHistory>().ReadAsync(person.ProfileId, CancellationToken.None);
        Assert.Equal(["accepted 2019-04-22", "accepted 2026-07-01"], history.Select(e => $"{e.Kind} {e.PolicyVersion}"));

        // The access tag covers consent and was stamped again: the owner still reads and edits.
        Assert.Equal("kiem.thu.policy-moves-on@example.vn", (await owner.PostAsync("{ me { loginEmail } }")).Ok()["me"]!["loginEmail"]!.GetValue<string>());
        var records = (await CustodianRecord.ReadAsync(app)).Where(r => r.Operation == PrivacyOperationNames.AcceptPolicy).ToList();
        Assert.Equal([OperationOutcomes.Succeeded, OperationOutcomes.Succeeded], records.Select(r => r.Outcome));
        Assert.Equal($"profile {person.ProfileId}", records[0].Target);
    }

    [Theory]
    [InlineData("2019-04-22")]
    [InlineData("2099-01-01")]
    [InlineData("")]
    [InlineData("kiem.thu@example.vn")]
    public async Task Owner_AcceptsAnOldOrUnknownVersion_GetsValidationAndNothingChanges(string version)
    {
        await using var app = new CloudjetApplication().WithNewerPolicy(NewVersion);
        await app.InitializeAsync();

        // Signed up under the new version, then offered nothing else.
        var input = Owners.NewInput("old-version");
        ((Dictionary<string, object?>)input["consent"]!)["policyVersion"] = NewVersion;
        var profileId = await app.SignUpAsync(input);
        var token = await app.LoginAsync((string)input["email"]!);
        var before = await DatabaseDigest.ExceptAuditTrailAsync(app);

        var response = await app.Client(token).PostAsync(AcceptPolicy, new { version });

        Assert.Equal(["VALIDATION"], response.Codes);
        Assert.Equal("version", response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.DoesNotContain("kiem.thu@", response.Body, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseDigest.ExceptAuditTrailAsync(app));
        Assert.Equal(NewVersion, app.WithDb(db => db.Profiles.Single(p => p.Id == profileId).ConsentPolicyVersion));
    }

    [Theory]
    [InlineData(DefaultRole.Anonymous, "AUTH_NOT_AUTHENTICATED")]
    [InlineData(DefaultRole.Management, "AUTH_NOT_AUTHORIZED")]
    [InlineData(DefaultRole.Support, "AUTH_NOT_AUTHORIZED")]
    [InlineData(DefaultRole.KeyCustodian, "AUTH_NOT_AUTHORIZED")]
    public async Task NonOwner_AcceptsPolicy_IsRefusedAndNothingChanges(DefaultRole role, string code)
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        var before = await DatabaseDigest.ExceptAuditTrailAsync(app);
        var client = role == DefaultRole.Anonymous ? app.Client() : app.Client(app.StaffToken(role, "staff-demo"));

        var response = await client.PostAsync(AcceptPolicy, new { version = "2019-04-22" });

        Assert.Equal([code], response.Codes);
        Assert.Equal("""{"acceptPolicy":null}""", response.Data?.ToJsonString());
        Assert.Equal(before, await DatabaseDigest.ExceptAuditTrailAsync(app));
    }

    [Fact]
    [ProviderSensitive("the consent history's order")]
    public async Task SignUp_WritesItsConsentAsTheFirstEventOfTheHistory()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();

        var profileId = await app.SignUpAsync(Owners.NewInput("first-event"));

        var profile = app.WithDb(db => db.Profiles.Single(p => p.Id == profileId));
        var events = app.WithDb(db => db.ConsentEvents.Where(e => e.ProfileId == profileId).ToList());
        var only = Assert.Single(events);
        Assert.Equal((ConsentEventKinds.Accepted, "2019-04-22", profile.ConsentAcceptedAt), (only.Kind, only.PolicyVersion, only.At));
        Assert.Equal(app.WithDb(db => db.Profiles.Count()), app.WithDb(db => db.ConsentEvents.Select(e => e.ProfileId).Distinct().Count()));
    }

    [Fact]
    [Trait(TestTraits.SqliteFileOnly, "migrates a SQLite file from before the consent history; PostgreSQL starts from one migration")]
    public async Task Migration_OnExistingProfiles_BackfillsEachConsentAsAnEvent()
    {
        var path = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"), "migrate.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new DbContextOptionsBuilder<CloudjetDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        await using var db = new CloudjetDbContext(options);
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var consentMigration = migrations.Single(m => m.EndsWith("_ErasureConsentHistory", StringComparison.Ordinal));
        await migrator.MigrateAsync(migrations[migrations.IndexOf(consentMigration) - 1]);

        // Two rows as the previous version wrote them, one with a withdrawal.
        var kept = Guid.CreateVersion7();
        var withdrawn = Guid.CreateVersion7();
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO Organizations (Id, Name) VALUES ('0193A000-0000-7000-8000-000000000001', 'Org')""");
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO Profiles (Id, OrganizationId, ConsentAcceptedAt, ConsentPolicyVersion, ConsentWithdrawnAt, CreatedAt, UpdatedAt, Version)
            VALUES ({0}, '0193A000-0000-7000-8000-000000000001', '2020-01-02 03:04:05+00:00', '2019-04-22', NULL, '2020-01-02 03:04:05+00:00', '2020-01-02 03:04:05+00:00', 0),
                   ({1}, '0193A000-0000-7000-8000-000000000001', '2021-01-02 03:04:05+00:00', '2019-04-22', '2022-01-02 03:04:05+00:00', '2021-01-02 03:04:05+00:00', '2021-01-02 03:04:05+00:00', 0)
            """,
            kept.ToString().ToUpperInvariant(),
            withdrawn.ToString().ToUpperInvariant());

        await migrator.MigrateAsync(consentMigration);

        // Two ids made in one millisecond need not sort in the order they were made: compared as a set.
        // Only the columns this migration made: later ones add more, which this database has not yet.
        var events = await db.ConsentEvents.AsNoTracking().Select(e => new { e.ProfileId, e.Kind, e.PolicyVersion, e.At }).ToListAsync();
        Assert.Equal(
            new[] { $"{kept} accepted 2019-04-22 2020-01-02T03:04:05.0000000+00:00", $"{withdrawn} accepted 2019-04-22 2021-01-02T03:04:05.0000000+00:00", $"{withdrawn} withdrawn 2019-04-22 2022-01-02T03:04:05.0000000+00:00" }.Order(StringComparer.Ordinal),
            events.Select(e => $"{e.ProfileId} {e.Kind} {e.PolicyVersion} {e.At:O}").Order(StringComparer.Ordinal));
        SqliteConnection.ClearAllPools();
    }
}
