using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Privacy;

/// <summary>
/// <c>correctProfile</c> (POLICY.md §7, corrections on request): management anywhere, support within
/// its organisations, the owner's value rules, a required request reference; every refusal leaves
/// the database as it was (but for its record).
/// </summary>
[ProviderSensitive("the version token, and rows moved with SQL")]
public sealed class CorrectProfileTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private const string CorrectMutation = """
        mutation($id: ID!, $input: CorrectProfileInput!, $ref: String) {
          correctProfile(id: $id, input: $input, requestReference: $ref) { id fullName phone jobTitle }
        }
        """;

    [Fact]
    public async Task Management_CorrectsProfileOnRequest_OwnerSeesTheNewValuesAndTheRecordHoldsOnlyNames()
    {
        var id = await app.SignUpAsync(Owners.NewInput("correct-mgmt"));
        var version = app.WithDb(db => db.Profiles.Single(p => p.Id == id).Version);

        var corrected = (await Staff(DefaultRole.Management, "management-demo").PostAsync(CorrectMutation, new
        {
            id,
            input = new { jobTitle = "Giám đốc vùng đã sửa", phone = "0987.654.321" },
            @ref = "  YC-2026-0042 ",
        })).Ok()["correctProfile"]!;

        Assert.Equal(("Giám đốc vùng đã sửa", "0987.654.321"), (corrected["jobTitle"]!.GetValue<string>(), corrected["phone"]!.GetValue<string>()));
        var me = (await app.Client(await app.LoginAsync("kiem.thu.correct-mgmt@example.vn")).PostAsync("{ me { jobTitle phone fullName } }")).Ok()["me"]!;
        Assert.Equal(("Giám đốc vùng đã sửa", "0987.654.321", "Trần Thị Kiểm Thử correct-mgmt"),
            (me["jobTitle"]!.GetValue<string>(), me["phone"]!.GetValue<string>(), me["fullName"]!.GetValue<string>()));
        Assert.Equal(version + 1, app.WithDb(db => db.Profiles.Single(p => p.Id == id).Version));
        var record = await PrivacyRecords.LastAsync(app, PrivacyOperationNames.CorrectProfile);
        Assert.Equal(("management-demo", "management", id.ToString(), OperationOutcomes.Succeeded), (record.ActorSubject, record.ActorRole, record.Target, record.Outcome));
        Assert.Equal("Corrected phone, jobTitle on request YC-2026-0042", record.Detail);
    }

    [Fact]
    public async Task Support_CorrectsProfileInAssignedOrganization_SucceedsAndSeesOnlyTheMaskedPhone()
    {
        var id = await app.SignUpAsync(Owners.NewInput("correct-support"), organizationIndex: 2);

        var corrected = (await Staff(DefaultRole.Support, "support-demo").PostAsync(CorrectMutation, new
        {
            id,
            input = new { fullName = "Trần Thị Đã Sửa Tên", phone = "+84 933 111 222" },
            @ref = "CSKH-7",
        })).Ok()["correctProfile"]!;

        Assert.Equal(("Trần Thị Đã Sửa Tên", "********222"), (corrected["fullName"]!.GetValue<string>(), corrected["phone"]!.GetValue<string>()));
        var values = (await ProfileValues.ReadAsync(app.Services))[id];
        Assert.Equal(("Trần Thị Đã Sửa Tên", "+84 933 111 222"), (values["fullName"], values["phone"]));
    }

    [Fact]
    public async Task Support_CorrectsProfileOutsideAssignedOrganizations_AnsweredLikeAnUnknownIdAndNothingChanges()
    {
        var id = await app.SignUpAsync(Owners.NewInput("correct-scope"), organizationIndex: 3);
        var support = Staff(DefaultRole.Support, "support-demo");
        var before = await DatabaseDigest.ExceptAuditTrailAsync(app);

        var outside = await support.PostAsync(CorrectMutation, new { id, input = new { jobTitle = "Không được sửa" }, @ref = "CSKH-8" });
        var unknown = await support.PostAsync(CorrectMutation, new { id = Guid.NewGuid(), input = new { jobTitle = "Không được sửa" }, @ref = "CSKH-8" });

        Assert.Equal(["NOT_FOUND"], outside.Codes);
        Assert.Equal(unknown.Body, outside.Body);
        Assert.Null(outside.Data!["correctProfile"]);
        Assert.Equal(before, await DatabaseDigest.ExceptAuditTrailAsync(app));
        var record = await PrivacyRecords.LastAsync(app, PrivacyOperationNames.CorrectProfile);
        Assert.Equal(OperationOutcomes.Refused, record.Outcome);
    }

    [Theory]
    [InlineData(DefaultRole.Sales, "sales-demo", "AUTH_NOT_AUTHORIZED")]
    [InlineData(DefaultRole.KeyCustodian, "custodian-demo", "AUTH_NOT_AUTHORIZED")]
    [InlineData(DefaultRole.Anonymous, null, "AUTH_NOT_AUTHENTICATED")]
    public async Task Role_CorrectsProfile_RefusedAndNothingChanges(DefaultRole role, string? subject, string code)
    {
        // Sales reaches this organisation (assigned 0 and 1): refused by role, not by scope.
        var id = await app.SignUpAsync(Owners.NewInput($"correct-{role}"), organizationIndex: 1);
        var client = role == DefaultRole.Anonymous ? app.Client() : Staff(role, subject!);
        var before = await DatabaseDigest.ExceptAuditTrailAsync(app);

        var response = await client.PostAsync(CorrectMutation, new { id, input = new { jobTitle = "Không được sửa" }, @ref = "YC-1" });

        Assert.Equal([code], response.Codes);
        Assert.Null(response.Data!["correctProfile"]);
        Assert.Equal(before, await DatabaseDigest.ExceptAuditTrailAsync(app));
        Assert.Equal((id.ToString(), OperationOutcomes.Refused), await LastTargetAndOutcomeAsync());
    }

    [Fact]
    public async Task Owner_CorrectsOwnProfileThroughStaffMutation_AuthNotAuthorizedAndNothingChanges()
    {
        var id = await app.SignUpAsync(Owners.NewInput("correct-owner"));
        var owner = app.Client(await app.LoginAsync("kiem.thu.correct-owner@example.vn"));
        var before = await DatabaseDigest.ExceptAuditTrailAsync(app);

        var response = await owner.PostAsync(CorrectMutation, new { id, input = new { jobTitle = "Tự sửa qua cửa nhân viên" }, @ref = "YC-2" });

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.Codes);
        Assert.Equal(before, await DatabaseDigest.ExceptAuditTrailAsync(app));
    }

    public static TheoryData<string?> BadReferences() =>
    [
        null,
        "",
        "   ",
        new string('7', 65),
        "YC-\u202E2026",
        "---",
        "an.owner@example.vn",
        "Nguyễn Văn A",
    ];

    [Theory]
    [MemberData(nameof(BadReferences))]
    public async Task Management_CorrectsWithoutAUsableRequestReference_ValidationAndNothingChanges(string? reference)
    {
        var id = await app.SignUpAsync(Owners.NewInput($"correct-ref-{reference?.Length}-{Guid.NewGuid():N}"));
        var before = await DatabaseDigest.ExceptAuditTrailAsync(app);

        var response = await Staff(DefaultRole.Management, "management-demo").PostAsync(CorrectMutation, new { id, input = new { jobTitle = "Không có yêu cầu" }, @ref = reference });

        Assert.Equal(["VALIDATION"], response.Codes);
        Assert.Equal("requestReference", response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal(before, await DatabaseDigest.ExceptAuditTrailAsync(app));
        Assert.Equal((id.ToString(), OperationOutcomes.Refused), await LastTargetAndOutcomeAsync());
    }

    [Theory]
    [InlineData("phone", "++++")]
    [InlineData("email", "not-an-address")]
    [InlineData("fullName", null)]
    [InlineData("department", "Phòng\u200BẨn")]
    public async Task Management_CorrectsWithAValueTheOwnerCouldNotStore_ValidationNamingTheFieldAndNothingChanges(string field, string? value)
    {
        var id = await app.SignUpAsync(Owners.NewInput($"correct-value-{field}"));
        var before = await DatabaseDigest.ExceptAuditTrailAsync(app);

        var response = await Staff(DefaultRole.Management, "management-demo").PostAsync(CorrectMutation, new { id, input = new Dictionary<string, string?> { [field] = value }, @ref = "YC-3" });

        Assert.Equal(["VALIDATION"], response.Codes);
        Assert.Equal(field, response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal(before, await DatabaseDigest.ExceptAuditTrailAsync(app));
        if (value is { Length: > 3 })
        {
            Assert.DoesNotContain(value, (await PrivacyRecords.LastAsync(app, PrivacyOperationNames.CorrectProfile)).Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Management_CorrectsWithAnEmptyInput_ValidationAndNothingChanges()
    {
        var id = await app.SignUpAsync(Owners.NewInput("correct-empty"));
        var before = await DatabaseDigest.ExceptAuditTrailAsync(app);

        var response = await Staff(DefaultRole.Management, "management-demo").PostAsync(CorrectMutation, new { id, input = new { }, @ref = "YC-4" });

        Assert.Equal(["VALIDATION"], response.Codes);
        Assert.Equal(before, await DatabaseDigest.ExceptAuditTrailAsync(app));
    }

    [Fact]
    public async Task Support_CorrectsARowMovedIntoItsOrganizationBehindTheGateway_DataIntegrityAndNothingChanges()
    {
        // Moved by hand from an organisation support does not reach into one it does: its access tag no longer verifies.
        var id = await app.SignUpAsync(Owners.NewInput("correct-tampered"), organizationIndex: 3);
        Assert.Equal(1, await app.ExecuteSqlAsync("UPDATE Profiles SET OrganizationId = $org WHERE Id = $id", ("$org", Owners.OrganizationId(2)), ("$id", id)));
        var before = await DatabaseDigest.ExceptAuditTrailAsync(app);

        var response = await Staff(DefaultRole.Support, "support-demo").PostAsync(CorrectMutation, new { id, input = new { jobTitle = "Không được ban phước" }, @ref = "CSKH-9" });

        Assert.Equal(["DATA_INTEGRITY"], response.Codes);
        Assert.Equal(before, await DatabaseDigest.ExceptAuditTrailAsync(app));
    }

    [Fact]
    public async Task Management_CorrectsLoginEmail_IsRefusedAsUnknownInputField()
    {
        var id = await app.SignUpAsync(Owners.NewInput("correct-login"));

        var response = await Staff(DefaultRole.Management, "management-demo").PostAsync(
            "mutation($id: ID!) { correctProfile(id: $id, input: { loginEmail: \"x@example.vn\" }, requestReference: \"YC-5\") { id } }", new { id });

        Assert.Equal(["GRAPHQL_VALIDATION_FAILED"], response.Codes);
        await app.LoginAsync("kiem.thu.correct-login@example.vn");
    }

    private GraphQLClient Staff(DefaultRole role, string subject) => app.Client(app.StaffToken(role, subject));

    private async Task<(string Target, string Outcome)> LastTargetAndOutcomeAsync()
    {
        var record = await PrivacyRecords.LastAsync(app, PrivacyOperationNames.CorrectProfile);
        return (record.Target, record.Outcome);
    }
}
