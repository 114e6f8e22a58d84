using System.Text.Json.Nodes;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Privacy;

/// <summary>
/// <c>exportProfileForAuthority</c> (POLICY.md §5, disclosure to a competent authority): management
/// only, on a recorded legal basis; every other caller and every bad request gets nothing, and the
/// refusal is recorded.
/// </summary>
public sealed class AuthorityExportTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private const string ExportMutation = "mutation($id: ID!, $basis: String) { exportProfileForAuthority(id: $id, legalBasis: $basis) }";
    private const string LegalBasis = "Công văn 123/CSĐT ngày 20/11/2026, Điều 88 Bộ luật Tố tụng hình sự";

    // The sign-up input's personal values, each one a person typed.
    private static readonly string[] TypedValues = ["fullName", "email", "phone", "skype", "department", "jobTitle"];

    [Fact]
    public async Task Management_ExportsForAuthority_GetsEveryPersonalFieldAndTheLegalBasisIsRecorded()
    {
        var input = Owners.NewInput("authority");
        var id = await app.SignUpAsync(input, organizationIndex: 3);

        var text = (await Management().PostAsync(ExportMutation, new { id, basis = LegalBasis })).Ok()["exportProfileForAuthority"]!.GetValue<string>();

        var document = JsonNode.Parse(text)!;
        Assert.Equal(LegalBasis, document["legalBasis"]!.GetValue<string>());
        var profile = document["profile"]!.AsObject();
        Assert.Equal(
            ["id", "organization", "fullName", "email", "phone", "skype", "department", "jobTitle", "loginEmail", "consent", "createdAt", "updatedAt"],
            profile.Select(p => p.Key));
        Assert.Equal(id.ToString(), profile["id"]!.GetValue<string>());
        Assert.All(TypedValues, field => Assert.Equal(input[field], profile[field]!.GetValue<string>()));
        Assert.Equal(input["email"], profile["loginEmail"]!.GetValue<string>());

        var record = await PrivacyRecords.LastAsync(app, PrivacyOperationNames.ExportForAuthority);
        Assert.Equal(("management-demo", "management", id.ToString(), OperationOutcomes.Succeeded), (record.ActorSubject, record.ActorRole, record.Target, record.Outcome));
        Assert.Equal($"Released id, organization, fullName, email, phone, skype, department, jobTitle, loginEmail, consent, createdAt, updatedAt on the legal basis: {LegalBasis}", record.Detail);
        Assert.All(TypedValues, field => Assert.DoesNotContain((string)input[field]!, record.Text, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(DefaultRole.Sales, "sales-demo", "AUTH_NOT_AUTHORIZED")]
    [InlineData(DefaultRole.Support, "support-demo", "AUTH_NOT_AUTHORIZED")]
    [InlineData(DefaultRole.KeyCustodian, "custodian-demo", "AUTH_NOT_AUTHORIZED")]
    [InlineData(DefaultRole.Anonymous, null, "AUTH_NOT_AUTHENTICATED")]
    public async Task Role_ExportsForAuthority_NothingReleasedAndRefusalRecorded(DefaultRole role, string? subject, string code)
    {
        // Organisation 1 is assigned to both sales-demo and support-demo: refused by role, not by scope.
        var input = Owners.NewInput($"authority-{role}");
        var id = await app.SignUpAsync(input, organizationIndex: 1);
        var client = role == DefaultRole.Anonymous ? app.Client() : app.Client(app.StaffToken(role, subject!));

        var response = await client.PostAsync(ExportMutation, new { id, basis = LegalBasis });

        await AssertRefusedAsync(response, code, input, id.ToString());
    }

    [Fact]
    public async Task Owner_ExportsOwnProfileForAuthority_NothingReleasedAndRefusalRecorded()
    {
        var input = Owners.NewInput("authority-owner");
        var id = await app.SignUpAsync(input);
        var owner = app.Client(await app.LoginAsync("kiem.thu.authority-owner@example.vn"));

        var response = await owner.PostAsync(ExportMutation, new { id, basis = LegalBasis });

        await AssertRefusedAsync(response, "AUTH_NOT_AUTHORIZED", input, id.ToString());
    }

    [Theory]
    [InlineData("0193a000-0000-7000-8000-0000000000ff", "0193a000-0000-7000-8000-0000000000ff")]
    [InlineData("not-a-profile", "(not a profile id)")]
    public async Task Management_ExportsUnknownProfile_NotFoundAndRefusalRecorded(string id, string target)
    {
        var response = await Management().PostAsync(ExportMutation, new { id, basis = LegalBasis });

        Assert.Equal(["NOT_FOUND"], response.Codes);
        Assert.Null(response.Data!["exportProfileForAuthority"]);
        var record = await PrivacyRecords.LastAsync(app, PrivacyOperationNames.ExportForAuthority);
        Assert.Equal((target, OperationOutcomes.Refused), (record.Target, record.Outcome));
    }

    public static TheoryData<string?> BadLegalBases() => [null, "", "  \t ", new string('Đ', 301), "Điều 88\u0000"];

    [Theory]
    [MemberData(nameof(BadLegalBases))]
    public async Task Management_ExportsWithoutAUsableLegalBasis_ValidationNothingReleasedAndRefusalRecorded(string? basis)
    {
        var input = Owners.NewInput($"authority-basis-{Guid.NewGuid():N}");
        var id = await app.SignUpAsync(input);

        var response = await Management().PostAsync(ExportMutation, new { id, basis });

        await AssertRefusedAsync(response, "VALIDATION", input, id.ToString());
        Assert.Equal("legalBasis", response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
    }

    private GraphQLClient Management() => app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));

    private async Task AssertRefusedAsync(GraphQLResponse response, string code, Dictionary<string, object?> input, string target)
    {
        Assert.Equal([code], response.Codes);
        Assert.Null(response.Data!["exportProfileForAuthority"]);
        Assert.All(TypedValues,
            field => Assert.DoesNotContain((string)input[field]!, response.Body, StringComparison.OrdinalIgnoreCase));
        var record = await PrivacyRecords.LastAsync(app, PrivacyOperationNames.ExportForAuthority);
        Assert.Equal((target, OperationOutcomes.Refused), (record.Target, record.Outcome));
    }
}
