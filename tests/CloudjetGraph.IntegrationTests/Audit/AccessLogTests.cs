using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Audit;

/// <summary><c>me { accessLog }</c>: the owner sees staff reads of their profile by role and fields, never who; nobody else reads it.</summary>
[ProviderSensitive("reads the audit trail by profile and role with a query")]
public sealed class AccessLogTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private const string AccessLog = "{ me { accessLog { at role purpose policyVersion operation fields } } }";

    [Fact]
    public async Task Owner_ReadsAccessLog_SeesReadsByManagementSalesAndSupportByRoleAndPurposeOnly()
    {
        var input = Owners.NewInput("accesslog");
        var id = await app.SignUpAsync(input, organizationIndex: 1);
        var owner = app.Client(await app.LoginAsync((string)input["email"]!));
        var managementSubject = $"management-{Guid.NewGuid():N}";
        (await app.Client(app.StaffToken(DefaultRole.Management, managementSubject)).PostAsync("query ByManagement($id: ID!) { profile(id: $id) { id fullName } }", new { id })).Ok();
        (await app.Client(app.StaffToken(DefaultRole.Sales, "sales-demo")).PostAsync("query BySales($id: ID!) { profile(id: $id) { id email } }", new { id })).Ok();
        (await app.Client(app.StaffToken(DefaultRole.Support, "support-demo")).PostAsync("query BySupport($id: ID!) { profile(id: $id) { id phone department } }", new { id })).Ok();

        var response = await owner.PostAsync(AccessLog);

        var log = response.Ok()["me"]!["accessLog"]!.AsArray();
        Assert.Equal(
            [
                ("support", "CUSTOMER_CARE", "BySupport", "department,phone:masked"),
                ("sales", "CUSTOMER_CARE", "BySales", "email"),
                ("management", "ACCOUNT", "ByManagement", "fullName"),
            ],
            log.Select(e => (e!["role"]!.GetValue<string>(), e["purpose"]!.GetValue<string>(), e["operation"]!.GetValue<string>(), string.Join(',', e["fields"]!.AsArray().Select(f => f!.GetValue<string>())))));
        Assert.All(log, e => Assert.Equal("2019-04-22", e!["policyVersion"]!.GetValue<string>()));
        Assert.DoesNotContain(managementSubject, response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("sales-demo", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("support-demo", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owner_ReadsAccessLog_SeesAnAuthorityExportAsADisclosureWithItsLawButNotItsRequestBesideManagementsOwnRead()
    {
        var input = Owners.NewInput("disclosed");
        var id = await app.SignUpAsync(input, organizationIndex: 2);
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));
        (await management.PostAsync("query ByManagement($id: ID!) { profile(id: $id) { phone } }", new { id })).Ok();
        (await management.PostAsync(
            "mutation ForAuthority($id: ID!) { exportProfileForAuthority(id: $id, basis: { law: \"91/2025/QH15\", article: \"Article 17(2)(b)\", requestReference: \"CSDT-45\" }) }", new { id })).Ok();

        var response = await app.Client(await app.LoginAsync((string)input["email"]!)).PostAsync(
            "{ me { accessLog { kind role purpose operation legalBasis { law article } confidentialUntil } } }");

        var log = response.Ok()["me"]!["accessLog"]!.AsArray();
        Assert.Equal(
            [("AUTHORITY_DISCLOSURE", "ForAuthority", "LEGAL_OBLIGATION", "91/2025/QH15 Article 17(2)(b)"), ("READ", "ByManagement", "ACCOUNT", "none")],
            log.Select(e => (
                e!["kind"]!.GetValue<string>(),
                e["operation"]!.GetValue<string>(),
                e["purpose"]!.GetValue<string>(),
                e["legalBasis"] is { } basis ? $"{basis["law"]} {basis["article"]}" : "none")));
        Assert.All(log, e => Assert.Equal("management", e!["role"]!.GetValue<string>()));
        Assert.All(log, e => Assert.Null(e!["confidentialUntil"]));

        // The authority's request reference identifies its case: the owner is not shown it.
        Assert.DoesNotContain("CSDT-45", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Management_CorrectsAndExportsForAnAuthorityInOneRequest_RecordsEachReleaseWithItsOwnPurpose()
    {
        var input = Owners.NewInput("two-purposes");
        var id = await app.SignUpAsync(input, organizationIndex: 2);
        var operation = AuditTrailRows.NewOperation("TwoPurposes");
        var basis = "{ law: \"91/2025/QH15\", article: \"Article 17(2)(b)\", requestReference: \"CSDT-46\" }";

        (await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(
            $"mutation {operation}($id: ID!) {{ correctProfile(id: $id, input: {{ jobTitle: \"Trưởng nhóm\" }}, requestReference: \"CS-46\") {{ fullName }} exportProfileForAuthority(id: $id, basis: {basis}) }}",
            new { id })).Ok();

        var releases = AuditTrailRows.Of(app, AuditEntryKinds.Release, operation).ToDictionary(e => e.Purpose!, e => Assert.Single(e.Profiles).Fields);
        Assert.Equal(["account", "legal-obligation"], releases.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("fullName", releases["account"]);
        Assert.Contains("phone", releases["legal-obligation"].Split(','));
        var log = (await app.Client(await app.LoginAsync((string)input["email"]!)).PostAsync(AccessLog)).Ok()["me"]!["accessLog"]!.AsArray();
        Assert.Equal(["ACCOUNT", "LEGAL_OBLIGATION"], log.Select(e => e!["purpose"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Owner_NeverReadByStaff_GetsEmptyAccessLogAndOwnReadsAreNotListed()
    {
        var input = Owners.NewInput("unread");
        await app.SignUpAsync(input, organizationIndex: 3);
        var owner = app.Client(await app.LoginAsync((string)input["email"]!));
        (await owner.PostAsync("{ me { fullName email } }")).Ok();

        Assert.Empty((await owner.PostAsync(AccessLog)).Ok()["me"]!["accessLog"]!.AsArray());
    }

    [Theory]
    [InlineData(DefaultRole.Management, "management-demo")]
    [InlineData(DefaultRole.Support, "support-demo")]
    public async Task Staff_ReadsAProfilesAccessLog_GetsNotAuthorizedAndTheRestOfTheProfile(DefaultRole role, string subject)
    {
        var id = app.WithDb(db => db.Profiles.First(p => p.OrganizationId == Owners.OrganizationId(1)).Id);

        var response = await app.Client(app.StaffToken(role, subject)).PostAsync("query($id: ID!) { profile(id: $id) { id accessLog { role } } }", new { id });

        Assert.Equal([ErrorCodes.NotAuthorized], response.Codes);
        Assert.NotNull(response.ErrorAt("profile", "accessLog"));
        Assert.Equal(id.ToString(), response.Data!["profile"]!["id"]!.GetValue<string>());
    }
}
