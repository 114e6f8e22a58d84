using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Authorization;

/// <summary>
/// A staff role that exists only in configuration reads what its field rules grant, masked where
/// they say, is audited like any staff role, and runs no operation until one is granted to it.
/// </summary>
public sealed class ConfiguredRoleTests(AuditorApplication app) : IClassFixture<AuditorApplication>
{
    private const string Subject = "auditor-demo";
    private static readonly Role Auditor = new(AuditorApplication.Role);

    [Fact]
    public async Task Auditor_ReadsAProfile_GetsItsGrantedFieldsMaskedWhereConfiguredAndNothingElse()
    {
        var id = app.WithDb(db => db.Profiles.OrderBy(p => p.Id).First(p => p.Phone != null).Id);
        const string Read = "query($id: ID!) { profile(id: $id) { id fullName phone email skype } }";
        var whole = (await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(Read, new { id })).Ok()["profile"]!;

        var response = await app.Client(app.StaffToken(Auditor, Subject)).PostAsync(Read, new { id });

        var profile = response.Data!["profile"]!;
        Assert.Equal(
            (id.ToString(), whole["fullName"]!.GetValue<string>(), PhoneMask.Apply(whole["phone"]!.GetValue<string>())),
            (profile["id"]!.GetValue<string>(), profile["fullName"]!.GetValue<string>(), profile["phone"]!.GetValue<string>()));
        Assert.Null(profile["email"]);
        Assert.Null(profile["skype"]);
        Assert.Equal([ErrorCodes.NotAuthorized, ErrorCodes.NotAuthorized], response.Codes);
        Assert.NotNull(response.ErrorAt("profile", "email"));
        Assert.NotNull(response.ErrorAt("profile", "skype"));
    }

    [Fact]
    public async Task Auditor_ReadsAProfile_ReadIsInTheOwnersAccessLogAndTheTrail()
    {
        var input = Owners.NewInput("audited");
        var id = await app.SignUpAsync(input, organizationIndex: 2);
        var owner = app.Client(await app.LoginAsync((string)input["email"]!));
        var operation = AuditTrailRows.NewOperation("ByAuditor");

        (await app.Client(app.StaffToken(Auditor, Subject)).PostAsync($"query {operation}($id: ID!) {{ profile(id: $id) {{ id fullName phone }} }}", new { id })).Ok();

        var log = (await owner.PostAsync("{ me { accessLog { role purpose operation fields } } }")).Ok()["me"]!["accessLog"]!.AsArray();
        var entry = Assert.Single(log);
        Assert.Equal(
            (AuditorApplication.Role, "ACCOUNT", operation, "fullName,phone:masked"),
            (entry!["role"]!.GetValue<string>(), entry["purpose"]!.GetValue<string>(), entry["operation"]!.GetValue<string>(), string.Join(',', entry["fields"]!.AsArray().Select(f => f!.GetValue<string>()))));
        var release = AuditTrailRows.Release(app, operation);
        Assert.Equal((Subject, AuditorApplication.Role, OperationOutcomes.Succeeded), (release.ActorSubject, release.ActorRole, release.Outcome));
        Assert.Equal((id, "fullName,phone:masked"), (Assert.Single(release.Profiles).ProfileId, release.Profiles.Single().Fields));
    }

    [Fact]
    public void Operations_TheTestListsEveryOperationThatNeedsAGrant()
    {
        Assert.Equal(AccessOperations.All.Order(StringComparer.Ordinal), EveryOperation.Documents.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EveryOperation.Names), MemberType = typeof(EveryOperation))]
    public async Task Auditor_RunsAnOperation_GetsNotAuthorizedAndTheDenialIsRecorded(string name)
    {
        var (type, document) = EveryOperation.Documents[name];
        var operation = AuditTrailRows.NewOperation("AuditorTries");

        // A fresh window: the auditor's many operations across cases would otherwise fold into one entry.
        await app.FlushDenialsAsync();
        var response = await app.Client(app.StaffToken(Auditor, Subject)).PostAsync($"{type.ToLowerInvariant()} {operation} {{ {document} }}");

        Assert.Equal([ErrorCodes.NotAuthorized], response.Codes);
        Assert.NotNull(response.ErrorAt(name));
        var denial = Assert.Single(AuditTrailRows.Of(app, AuditEntryKinds.Denial, operation));
        Assert.Equal(($"{type}.{name}", $"requests=1; {type}.{name} {ErrorCodes.NotAuthorized}=1", Subject, AuditorApplication.Role), (denial.Target, denial.Detail, denial.ActorSubject, denial.ActorRole));
    }

    [Fact]
    public async Task AuditorGrantedBreachReport_RunsIt_AndOtherRolesAnswersDoNotChange()
    {
        await using var granted = new AuditorApplication().With("Authorization:Operations:breachReport:1", AuditorApplication.Role);
        await granted.InitializeAsync();
        const string Report = """query { breachReport(from: "2020-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { profileId } }""";

        var report = await granted.Client(granted.StaffToken(Auditor, Subject)).PostAsync(Report);

        Assert.NotNull(report.Ok()["breachReport"]!.AsArray());
        Assert.Equal([ErrorCodes.NotAuthorized], (await app.Client(app.StaffToken(Auditor, Subject)).PostAsync(Report)).Codes);
        foreach (var (role, subject) in new[] { (DefaultRole.Management, "management-demo"), (DefaultRole.Sales, "sales-demo"), (DefaultRole.Support, "support-demo"), (DefaultRole.KeyCustodian, "custodian-demo") })
        {
            Assert.Equal(await AnswerShapeAsync(app, role, subject, Report), await AnswerShapeAsync(granted, role, subject, Report));
            Assert.Equal(await ProfileAnswerShapeAsync(app, role, subject), await ProfileAnswerShapeAsync(granted, role, subject));
        }
    }

    // What a role's answer says, apart from values that differ between hosts: error codes and paths, and which fields came back.
    private static async Task<string> AnswerShapeAsync(CloudjetApplication host, DefaultRole role, string subject, string document, object? variables = null)
    {
        var response = await host.Client(host.StaffToken(role, subject)).PostAsync(document, variables);
        var errors = response.Errors.Select(e => $"{e?["extensions"]?["code"]}@{e?["path"]?.ToJsonString()}");
        var fields = response.Data is { } data ? Shape(data) : "no data";
        return $"{role}: {string.Join(' ', errors)} | {fields}";
    }

    private static Task<string> ProfileAnswerShapeAsync(CloudjetApplication host, DefaultRole role, string subject)
    {
        var id = host.WithDb(db => db.Profiles.OrderBy(p => p.Id).First(p => p.OrganizationId == Owners.OrganizationId(1)).Id);
        return AnswerShapeAsync(host, role, subject, "query($id: ID!) { profile(id: $id) { id fullName email phone skype department jobTitle loginEmail consent { acceptedAt } createdAt } }", new { id });
    }

    private static string Shape(System.Text.Json.Nodes.JsonNode node) => node switch
    {
        System.Text.Json.Nodes.JsonObject obj => "{" + string.Join(',', obj.Select(p => p.Key + (p.Value is null ? ":null" : ":" + Shape(p.Value)))) + "}",
        System.Text.Json.Nodes.JsonArray array => $"[{array.Count > 0}]",
        _ => "v",
    };
}
