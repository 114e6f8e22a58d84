using System.Text.Json.Nodes;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Seeding;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Protection;

/// <summary>
/// Someone who can write the database file but holds no key edits the columns that decide access;
/// the access tag catches it at login and on every read, and nothing else of the row is served.
/// </summary>
[ProviderSensitive("edits the columns the tag covers with SQL")]
public sealed class AccessTagTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private const string LoginMutation = "mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }";

    private static readonly string[] SalesFields = ["organization", "fullName", "email", "phone", "department", "jobTitle", "createdAt", "updatedAt"];

    private static readonly string[] ManagementFields = [.. SalesFields, "skype", "loginEmail", "consent"];

    [Fact]
    public async Task Owner_LogsInWithPasswordHashCopiedFromAnotherAccount_GetsInvalidCredentialsAndWarning()
    {
        const string attackerPassword = "the attacker knows this one";
        var source = Owners.NewInput("hash-source");
        source["password"] = attackerPassword;
        var sourceId = await app.SignUpAsync(source);
        var targetId = await app.SignUpAsync(Owners.NewInput("hash-target"));
        var copied = await app.ExecuteSqlAsync(
            "UPDATE Profiles SET PasswordHash = (SELECT PasswordHash FROM Profiles WHERE Id = $source) WHERE Id = $target",
            ("$source", sourceId), ("$target", targetId));
        Assert.Equal(1, copied);

        var tampered = await app.Client().PostAsync(LoginMutation, new { email = "kiem.thu.hash-target@example.vn", password = attackerPassword });
        var wrongPassword = await app.Client().PostAsync(LoginMutation, new { email = "kiem.thu.hash-source@example.vn", password = "not the password at all" });

        Assert.Equal(["AUTH_INVALID_CREDENTIALS"], tampered.Codes);
        Assert.Equal(wrongPassword.Body, tampered.Body);
        Assert.Contains(app.Logs.Lines, line => line.StartsWith("Warning CloudjetGraph.Core.ProfileRecords.ProfileAccessTag[1004]", StringComparison.Ordinal)
            && line.Contains(targetId.ToString(), StringComparison.Ordinal));
        Assert.NotNull(await app.LoginAsync("kiem.thu.hash-source@example.vn", attackerPassword));
    }

    [Fact]
    public async Task Sales_ReadsProfileMovedIntoAssignedOrganization_GetsDataIntegrityAndNoField()
    {
        var movedId = await app.SignUpAsync(Owners.NewInput("moved-to-sales"), organizationIndex: 3);
        await MoveAsync(movedId, Owners.OrganizationId(0));

        var response = await app.Client(app.StaffToken(DefaultRole.Sales, "sales-demo")).PostAsync(ProfileQuery(SalesFields), new { id = movedId });

        AssertWithheld(response, response.Data!["profile"]!, movedId, SalesFields, "moved-to-sales", "profile");
        Assert.DoesNotContain(DemoDataSeeder.Organizations[0].Name, response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoDataSeeder.Organizations[3].Name, response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Management_ReadsProfileMovedToAnotherOrganization_GetsDataIntegrityAndNothingElseOfTheRow()
    {
        var movedId = await app.SignUpAsync(Owners.NewInput("moved-for-management"), organizationIndex: 3);
        await MoveAsync(movedId, Owners.OrganizationId(0));

        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(ProfileQuery(ManagementFields), new { id = movedId });

        AssertWithheld(response, response.Data!["profile"]!, movedId, ManagementFields, "moved-for-management", "profile");
    }

    [Theory]
    [InlineData(DefaultRole.Sales, "sales-integrity")]
    [InlineData(DefaultRole.Management, "management-demo")]
    public async Task Staff_PagesOverAMovedProfile_GetsDataIntegrityForThatNodeAndTheRestIntact(DefaultRole role, string subject)
    {
        var organizationId = await NewOrganizationAsync($"Công ty Kiểm thử {role}");
        await app.ExecuteSqlAsync("INSERT INTO StaffAssignments (StaffSubject, OrganizationId) VALUES ('sales-integrity', $organization)", ("$organization", organizationId));
        var firstId = await app.SignUpAsync(Owners.NewInput($"page-first-{role}"), organizationId);
        var movedId = await app.SignUpAsync(Owners.NewInput($"page-moved-{role}"), organizationIndex: 3);
        await MoveAsync(movedId, organizationId);
        var lastId = await app.SignUpAsync(Owners.NewInput($"page-last-{role}"), organizationId);

        var response = await app.Client(app.StaffToken(role, subject)).PostAsync(
            $"query($organization: ID!) {{ profiles(where: {{ organizationId: $organization }}) {{ totalCount nodes {{ id {string.Join(' ', FieldsOf(SalesFields))} }} }} }}",
            new { organization = organizationId });

        var nodes = response.Data!["profiles"]!["nodes"]!.AsArray();
        Assert.Equal([firstId, movedId, lastId], nodes.Select(n => Guid.Parse(n!["id"]!.GetValue<string>())));
        Assert.Equal($"Trần Thị Kiểm Thử page-first-{role}", nodes[0]!["fullName"]!.GetValue<string>());
        Assert.Equal($"Trần Thị Kiểm Thử page-last-{role}", nodes[2]!["fullName"]!.GetValue<string>());
        Assert.Equal($"Công ty Kiểm thử {role}", nodes[2]!["organization"]!["name"]!.GetValue<string>());
        AssertWithheld(response, nodes[1]!, movedId, SalesFields, $"page-moved-{role}", "profiles", "nodes", 1);
    }

    [Theory]
    [InlineData("UPDATE Profiles SET ConsentPolicyVersion = '2000-01-01' WHERE Id = $id")]
    [InlineData("UPDATE Profiles SET ConsentAcceptedAt = '2019-04-22 00:00:00+00:00' WHERE Id = $id")]
    [InlineData("UPDATE Profiles SET ConsentWithdrawnAt = '2030-01-01 00:00:00+00:00' WHERE Id = $id")]
    public async Task Management_ReadsProfileWithConsentEdited_GetsDataIntegrity(string edit)
    {
        var tag = $"consent-{Guid.NewGuid():N}";
        var profileId = await app.SignUpAsync(Owners.NewInput(tag));
        Assert.Equal(1, await app.ExecuteSqlAsync(edit, ("$id", profileId)));

        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(ProfileQuery(ManagementFields), new { id = profileId });

        AssertWithheld(response, response.Data!["profile"]!, profileId, ManagementFields, tag, "profile");
    }

    [Theory]
    [InlineData("removed")]
    [InlineData("copied")]
    [InlineData("forged")]
    public async Task Management_ReadsProfileWhoseTagWasRemovedCopiedOrForged_GetsDataIntegrity(string edit)
    {
        var tag = $"tag-{Guid.NewGuid():N}";
        var profileId = await app.SignUpAsync(Owners.NewInput(tag));
        var sql = edit switch
        {
            "removed" => "UPDATE Profiles SET AccessTag = NULL WHERE Id = $id",
            "copied" => "UPDATE Profiles SET AccessTag = (SELECT AccessTag FROM Profiles WHERE Id <> $id LIMIT 1) WHERE Id = $id",

            // Version byte and key id kept, the MAC zeroed.
            _ => TestDatabase.Sql(
                sqlite: "UPDATE Profiles SET AccessTag = X'01' || substr(AccessTag, 2, 16) || zeroblob(32) WHERE Id = $id",
                postgres: "UPDATE Profiles SET AccessTag = '\\x01'::bytea || substring(AccessTag from 2 for 16) || decode(repeat('00', 32), 'hex') WHERE Id = $id"),
        };
        Assert.Equal(1, await app.ExecuteSqlAsync(sql, ("$id", profileId)));

        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(ProfileQuery(ManagementFields), new { id = profileId });

        AssertWithheld(response, response.Data!["profile"]!, profileId, ManagementFields, tag, "profile");
    }

    [Fact]
    public async Task Owner_ReadsOwnProfileAfterItWasMoved_GetsDataIntegrityAndNoOrganization()
    {
        var profileId = await app.SignUpAsync(Owners.NewInput("owner-moved"), organizationIndex: 3);
        var client = app.Client(await app.LoginAsync("kiem.thu.owner-moved@example.vn"));
        await MoveAsync(profileId, Owners.OrganizationId(0));

        var me = await client.PostAsync($"{{ me {{ id {string.Join(' ', FieldsOf(ManagementFields))} }} }}");
        var organizations = await client.PostAsync("{ organizations { id name } }");

        AssertWithheld(me, me.Data!["me"]!, profileId, ManagementFields, "owner-moved", "me");
        Assert.Null(organizations.Data!["organizations"]);
        Assert.Equal(["DATA_INTEGRITY"], organizations.Codes);
        Assert.DoesNotContain(DemoDataSeeder.Organizations[0].Name, organizations.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owner_UpdatesOwnProfileAfterConsentWasEdited_IsRefusedAndNothingIsWritten()
    {
        var profileId = await app.SignUpAsync(Owners.NewInput("owner-update"));
        var client = app.Client(await app.LoginAsync("kiem.thu.owner-update@example.vn"));
        // The acceptance's time, not its version: an older version is refused before anything is
        // read (CONSENT_REQUIRED, the re-consent gate), so it would not reach the tag check.
        await app.ExecuteSqlAsync("UPDATE Profiles SET ConsentWithdrawnAt = NULL, ConsentAcceptedAt = '2020-01-01 00:00:00+00:00' WHERE Id = $id", ("$id", profileId));
        var before = app.WithDb(db => db.Profiles.Single(p => p.Id == profileId));

        var response = await client.PostAsync("mutation { updateMyProfile(input: { fullName: \"Tên Mới\" }) { id fullName } }");

        var after = app.WithDb(db => db.Profiles.Single(p => p.Id == profileId));
        Assert.Equal(["DATA_INTEGRITY"], response.Codes);
        Assert.Null(response.Data!["updateMyProfile"]);
        Assert.Equal(before.FullName, after.FullName);
        Assert.Equal(before.AccessTag, after.AccessTag);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task Owner_UpdatesIntactProfile_RowStillVerifies()
    {
        var profileId = await app.SignUpAsync(Owners.NewInput("owner-intact"));
        var client = app.Client(await app.LoginAsync("kiem.thu.owner-intact@example.vn"));

        await client.PostAsync("mutation { updateMyProfile(input: { jobTitle: \"Trưởng nhóm\" }) { id } }");
        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo"))
            .PostAsync("query($id: ID!) { profile(id: $id) { jobTitle consent { policyVersion } } }", new { id = profileId });

        Assert.Equal("Trưởng nhóm", response.Ok()["profile"]!["jobTitle"]!.GetValue<string>());
        Assert.Equal("2019-04-22", response.Data!["profile"]!["consent"]!["policyVersion"]!.GetValue<string>());
    }

    private static string ProfileQuery(string[] fields) =>
        $"query($id: ID!) {{ profile(id: $id) {{ id {string.Join(' ', FieldsOf(fields))} }} }}";

    private static IEnumerable<string> FieldsOf(string[] fields) => fields.Select(field => field switch
    {
        "organization" => "organization { id name }",
        "consent" => "consent { acceptedAt policyVersion withdrawnAt }",
        _ => field,
    });

    /// <summary>Only the id is served: every other selected field is null with DATA_INTEGRITY at its path, and no value of the row appears.</summary>
    private static void AssertWithheld(GraphQLResponse response, JsonNode profile, Guid id, string[] fields, string signUpTag, params object[] path)
    {
        Assert.Equal(id, Guid.Parse(profile["id"]!.GetValue<string>()));
        foreach (var field in fields)
        {
            Assert.Null(profile[field]);
            Assert.Equal("DATA_INTEGRITY", response.ErrorAt([.. path, field])?["extensions"]?["code"]?.GetValue<string>());
        }

        Assert.DoesNotContain(signUpTag, response.Body, StringComparison.Ordinal);
    }

    private async Task MoveAsync(Guid profileId, Guid organizationId) =>
        Assert.Equal(1, await app.ExecuteSqlAsync("UPDATE Profiles SET OrganizationId = $organization WHERE Id = $id", ("$organization", organizationId), ("$id", profileId)));

    private async Task<Guid> NewOrganizationAsync(string name)
    {
        var id = Guid.CreateVersion7();
        await app.ExecuteSqlAsync("INSERT INTO Organizations (Id, Name) VALUES ($id, $name)", ("$id", id), ("$name", name));
        return id;
    }
}
