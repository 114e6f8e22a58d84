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
    private const string ExportMutation = "mutation($id: ID!, $basis: LegalBasisInput) { exportProfileForAuthority(id: $id, basis: $basis) }";
    private static readonly Dictionary<string, string?> LegalBasis = new() { ["law"] = "356/2025/NĐ-CP", ["article"] = "Điều 17(2)(b)", ["requestReference"] = "CV-123/CSDT" };

    // The sign-up input's personal values, each one a person typed.
    private static readonly string[] TypedValues = ["fullName", "email", "phone", "skype", "department", "jobTitle"];

    [Fact]
    public async Task Management_ExportsForAuthority_GetsEveryPersonalFieldAndTheLegalBasisIsRecorded()
    {
        var input = Owners.NewInput("authority");
        var id = await app.SignUpAsync(input, organizationIndex: 3);

        var text = (await Management().PostAsync(ExportMutation, new { id, basis = LegalBasis })).Ok()["exportProfileForAuthority"]!.GetValue<string>();

        var document = JsonNode.Parse(text)!;
        Assert.Equal("""{"law":"356/2025/NĐ-CP","article":"Điều 17(2)(b)","requestReference":"CV-123/CSDT"}""", document["legalBasis"]!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var profile = document["profile"]!.AsObject();
        Assert.Equal(
            ["id", "organization", "fullName", "email", "phone", "skype", "department", "jobTitle", "loginEmail", "consent", "createdAt", "updatedAt"],
            profile.Select(p => p.Key));
        Assert.Equal(id.ToString(), profile["id"]!.GetValue<string>());
        Assert.All(TypedValues, field => Assert.Equal(input[field], profile[field]!.GetValue<string>()));
        Assert.Equal(input["email"], profile["loginEmail"]!.GetValue<string>());

        var record = await PrivacyRecords.LastAsync(app, PrivacyOperationNames.ExportForAuthority);
        Assert.Equal(("management-demo", "management", id.ToString(), OperationOutcomes.Succeeded), (record.ActorSubject, record.ActorRole, record.Target, record.Outcome));
        Assert.Equal($"Released id, organization, fullName, email, phone, skype, department, jobTitle, loginEmail, consent, createdAt, updatedAt on the legal basis: law 356/2025/NĐ-CP, Điều 17(2)(b), request CV-123/CSDT", record.Detail);
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

    // Each part missing, blank, or free text that the record would keep: refused, naming the part.
    public static TheoryData<string, string?, string> BadLegalBases() => new()
    {
        { "law", null, "legalBasis.law" },
        { "law", "  ", "legalBasis.law" },
        { "law", "Bộ luật Tố tụng hình sự", "legalBasis.law" },
        { "law", "91/2025/QH15 và Nguyễn Văn An", "legalBasis.law" },
        { "law", "91/2025/qh15", "legalBasis.law" },
        { "article", null, "legalBasis.article" },
        { "article", "Article 17(2)(b) of the request by an.nguyen@saomaiviet.vn", "legalBasis.article" },
        { "article", "Article 17(b)(2)", "legalBasis.article" },
        { "article", "Article 0", "legalBasis.article" },
        { "requestReference", null, "requestReference" },
        { "requestReference", "Công văn số 123", "requestReference" },
    };

    [Theory]
    [MemberData(nameof(BadLegalBases))]
    public async Task Management_ExportsWithoutAUsableLegalBasis_ValidationNothingReleasedAndRefusalRecorded(string part, string? value, string field)
    {
        var input = Owners.NewInput($"authority-basis-{Guid.NewGuid():N}");
        var id = await app.SignUpAsync(input);
        var basis = new Dictionary<string, string?>(LegalBasis) { [part] = value };

        var response = await Management().PostAsync(ExportMutation, new { id, basis });

        await AssertRefusedAsync(response, "VALIDATION", input, id.ToString());
        Assert.Equal(field, response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        if (value is { Length: > 3 })
        {
            Assert.DoesNotContain(value, response.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Management_ExportsWithOnlyTheDeprecatedFreeTextBasis_ValidationAndNothingReleased()
    {
        var input = Owners.NewInput("authority-free-text");
        var id = await app.SignUpAsync(input);

        var response = await Management().PostAsync(
            "mutation($id: ID!, $text: String) { exportProfileForAuthority(id: $id, legalBasis: $text) }", new { id, text = "Công văn 123/CSĐT, Điều 88" });

        await AssertRefusedAsync(response, "VALIDATION", input, id.ToString());
        Assert.Equal("legalBasis.law", response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
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
