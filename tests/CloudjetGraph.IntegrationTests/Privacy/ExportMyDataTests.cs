using System.Text.Json.Nodes;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Privacy;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Privacy;

/// <summary><c>exportMyData</c> (POLICY.md §7, access and portability): the owner's one document, and nobody else's.</summary>
[ProviderSensitive("reads the consent history and the audit trail with queries")]
public sealed class ExportMyDataTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private const string ExportMutation = "mutation { exportMyData }";

    // The sign-up input's personal values, each one a person typed.
    private static readonly string[] TypedValues = ["fullName", "email", "phone", "skype", "department", "jobTitle"];

    [Fact]
    public async Task Owner_ExportsMyData_GetsEveryFieldTheyMayReadWithTheValuesTheyStored()
    {
        var input = Owners.NewInput("export");
        var id = await app.SignUpAsync(input);
        var owner = app.Client(await app.LoginAsync("kiem.thu.export@example.vn"));
        (await owner.PostAsync("mutation { updateMyProfile(input: { jobTitle: \"Trưởng nhóm xuất dữ liệu\" }) { id } }")).Ok();

        var document = JsonNode.Parse((await owner.PostAsync(ExportMutation)).Ok()["exportMyData"]!.GetValue<string>())!;

        var profile = document["profile"]!.AsObject();
        Assert.Equal(
            ["id", "organization", "fullName", "email", "phone", "skype", "department", "jobTitle", "loginEmail", "consent", "createdAt", "updatedAt"],
            profile.Select(p => p.Key));
        Assert.Equal(id.ToString(), profile["id"]!.GetValue<string>());
        Assert.Equal(Owners.OrganizationId(1).ToString(), profile["organization"]!["id"]!.GetValue<string>());
        Assert.Equal("Công ty CP Logistics Hoàng Phát", profile["organization"]!["name"]!.GetValue<string>());
        Assert.Equal(input["fullName"], profile["fullName"]!.GetValue<string>());
        Assert.Equal(input["email"], profile["email"]!.GetValue<string>());
        Assert.Equal(input["email"], profile["loginEmail"]!.GetValue<string>());
        Assert.Equal(input["phone"], profile["phone"]!.GetValue<string>());
        Assert.Equal(input["skype"], profile["skype"]!.GetValue<string>());
        Assert.Equal(input["department"], profile["department"]!.GetValue<string>());
        Assert.Equal("Trưởng nhóm xuất dữ liệu", profile["jobTitle"]!.GetValue<string>());
        Assert.Equal("2019-04-22", profile["consent"]!["policyVersion"]!.GetValue<string>());
        Assert.Null(profile["consent"]!["withdrawnAt"]);
        var stored = app.WithDb(db => db.Profiles.Single(p => p.Id == id));
        Assert.Equal(stored.ConsentAcceptedAt, profile["consent"]!["acceptedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(stored.CreatedAt, profile["createdAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(stored.UpdatedAt, profile["updatedAt"]!.GetValue<DateTimeOffset>());
        Assert.True(stored.UpdatedAt <= document["exportedAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Owner_ExportsMyData_HoldsTheWholeConsentHistoryAndEveryStaffReadByRole()
    {
        var input = Owners.NewInput("export-history");
        var id = await app.SignUpAsync(input, organizationIndex: 1);
        var managementSubject = $"management-{Guid.NewGuid():N}";
        (await app.Client(app.StaffToken(DefaultRole.Management, managementSubject)).PostAsync("query ReadForExport($id: ID!) { profile(id: $id) { id fullName } }", new { id })).Ok();
        (await app.Client(app.StaffToken(DefaultRole.Support, "support-demo")).PostAsync("query SupportForExport($id: ID!) { profile(id: $id) { phone } }", new { id })).Ok();
        var owner = app.Client(await app.LoginAsync((string)input["email"]!));

        var response = await owner.PostAsync(ExportMutation);

        var document = JsonNode.Parse(response.Ok()["exportMyData"]!.GetValue<string>())!;
        var stored = app.WithDb(db => db.ConsentEvents.Where(e => e.ProfileId == id).OrderBy(e => e.Id).ToList());
        Assert.NotEmpty(stored);
        Assert.Equal(
            stored.Select(e => (e.Kind, e.PolicyVersion, e.At)),
            document["consentHistory"]!.AsArray().Select(e => (e!["kind"]!.GetValue<string>(), e["policyVersion"]!.GetValue<string>(), e["at"]!.GetValue<DateTimeOffset>())));
        Assert.Equal(
            [("support", "customer-care", "SupportForExport", "phone:masked"), ("management", "account", "ReadForExport", "fullName")],
            document["accessLog"]!.AsArray().Select(e => (e!["role"]!.GetValue<string>(), e["purpose"]!.GetValue<string>(), e["operation"]!.GetValue<string>(), string.Join(',', e["fields"]!.AsArray().Select(f => f!.GetValue<string>())))));
        Assert.DoesNotContain(managementSubject, response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("support-demo", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owner_ExportsMyData_IsRecordedWithFieldNamesAndNoValue()
    {
        var input = Owners.NewInput("export-record");
        var id = await app.SignUpAsync(input);
        var owner = app.Client(await app.LoginAsync("kiem.thu.export-record@example.vn"));

        (await owner.PostAsync(ExportMutation)).Ok();

        var record = await PrivacyRecords.LastAsync(app, PrivacyOperationNames.ExportMyData);
        Assert.Equal((id.ToString(), "owner", id.ToString(), OperationOutcomes.Succeeded), (record.ActorSubject, record.ActorRole, record.Target, record.Outcome));
        Assert.Equal("Released id, organization, fullName, email, phone, skype, department, jobTitle, loginEmail, consent, createdAt, updatedAt.", record.Detail);
        Assert.All(TypedValues, field => Assert.DoesNotContain((string)input[field]!, record.Text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Owner_ExportsUnderAMatrixThatMasksPhoneAndDeniesSkype_GetsTheMaskAndNoSkype()
    {
        await using var host = new CloudjetApplication()
            .With("Authorization:Fields:phone:owner", "Masked")
            .With("Authorization:Fields:skype:owner", "None");
        await host.InitializeAsync();
        var input = Owners.NewInput("export-narrow");
        await host.SignUpAsync(input);
        var owner = host.Client(await host.LoginAsync("kiem.thu.export-narrow@example.vn"));

        var response = await owner.PostAsync(ExportMutation);

        var profile = JsonNode.Parse(response.Ok()["exportMyData"]!.GetValue<string>())!["profile"]!.AsObject();
        Assert.Equal("********678", profile["phone"]!.GetValue<string>());
        Assert.False(profile.ContainsKey("skype"));
        Assert.DoesNotContain((string)input["skype"]!, response.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("912 345", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DefaultRole.Management, "management-demo")]
    [InlineData(DefaultRole.Sales, "sales-demo")]
    [InlineData(DefaultRole.Support, "support-demo")]
    [InlineData(DefaultRole.KeyCustodian, "custodian-demo")]
    public async Task Staff_ExportsMyData_AuthNotAuthorizedAndRefusalRecorded(DefaultRole role, string subject)
    {
        var response = await app.Client(app.StaffToken(role, subject)).PostAsync(ExportMutation);

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.Codes);
        Assert.Null(response.Data!["exportMyData"]);
        var record = await PrivacyRecords.LastAsync(app, PrivacyOperationNames.ExportMyData);
        Assert.Equal((subject, role.Name(), OperationOutcomes.Refused), (record.ActorSubject, record.ActorRole, record.Outcome));
    }

    [Fact]
    public async Task Anonymous_ExportsMyData_AuthNotAuthenticated()
    {
        var response = await app.Client().PostAsync(ExportMutation);

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.Codes);
        Assert.Null(response.Data!["exportMyData"]);
    }

    [Fact]
    public async Task Owner_ExportsAfterTheirRowWasMovedToAnotherOrganizationBehindTheGateway_DataIntegrityAndNoValue()
    {
        var input = Owners.NewInput("export-tampered");
        var id = await app.SignUpAsync(input);
        var owner = app.Client(await app.LoginAsync("kiem.thu.export-tampered@example.vn"));
        Assert.Equal(1, await app.ExecuteSqlAsync("UPDATE Profiles SET OrganizationId = $org WHERE Id = $id", ("$org", Owners.OrganizationId(0)), ("$id", id)));

        var response = await owner.PostAsync(ExportMutation);

        Assert.Equal(["DATA_INTEGRITY"], response.Codes);
        Assert.Null(response.Data!["exportMyData"]);
        Assert.DoesNotContain((string)input["fullName"]!, response.Body, StringComparison.Ordinal);
        Assert.Equal(OperationOutcomes.Refused, (await PrivacyRecords.LastAsync(app, PrivacyOperationNames.ExportMyData)).Outcome);
    }
}
