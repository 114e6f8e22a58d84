using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Privacy;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CloudjetGraph.IntegrationTests.Privacy;

/// <summary>
/// The right to restriction of processing: while a profile is restricted, staff get none of its
/// personal fields (<c>PROCESSING_RESTRICTED</c>) and nothing of it is decrypted for them; the
/// owner still reads and exports, an authority export still discloses, and every step is recorded.
/// </summary>
[ProviderSensitive("writes and reads the restriction columns, filters restricted rows out of the email search and reads the consent history")]
public sealed class ProcessingRestrictionTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private const string Restrict = "mutation($reason: ProcessingRestrictionReason!) { restrictProcessing(input: { reason: $reason }) { profileId restriction { since reason placedBy } } }";
    private const string Lift = "mutation { liftRestriction { profileId restriction { since } } }";
    private const string RestrictProfile = "mutation($id: ID!, $ref: String, $reason: ProcessingRestrictionReason!) { restrictProfile(input: { id: $id, requestReference: $ref, reason: $reason }) { profileId restriction { since reason placedBy } } }";
    private const string LiftProfile = "mutation($id: ID!, $ref: String) { liftProfileRestriction(input: { id: $id, requestReference: $ref }) { profileId restriction { since } } }";

    private static string StaffRead(string operation) =>
        $"query {operation}($id: ID!) {{ profile(id: $id) {{ id organization {{ id }} createdAt fullName email phone consent {{ policyVersion }} }} }}";

    private static readonly string[] WithheldFields = ["fullName", "email", "phone", "consent"];

    [Fact]
    public async Task Owner_RestrictsProcessing_ManagementAndSupportReadProcessingRestrictedAndNothingIsDecrypted()
    {
        var (id, owner, _) = await SignUpAsync("restrict-read");
        (await owner.PostAsync(Restrict, new { reason = "ACCURACY_CONTESTED" })).Ok();
        using var opened = OpenedCounter();

        var operation = AuditTrailRows.NewOperation("ReadRestricted");
        var management = await Staff(DefaultRole.Management, "management-demo").PostAsync(StaffRead(operation), new { id });
        var support = await Staff(DefaultRole.Support, "support-demo").PostAsync(StaffRead(operation), new { id });
        var node = await Staff(DefaultRole.Management, "management-demo").PostAsync("query($id: ID!) { node(id: $id) { id ... on Profile { jobTitle } } }", new { id });

        foreach (var response in new[] { management, support })
        {
            var profile = response.Data!["profile"]!;
            Assert.Equal(id.ToString(), profile["id"]!.GetValue<string>());
            Assert.Equal(Owners.OrganizationId(1).ToString(), profile["organization"]!["id"]!.GetValue<string>());
            Assert.NotNull(profile["createdAt"]);
            Assert.All(WithheldFields, field =>
            {
                Assert.Null(profile[field]);
                Assert.Equal("PROCESSING_RESTRICTED", response.ErrorAt("profile", field)!["extensions"]!["code"]!.GetValue<string>());
            });
            Assert.Equal(WithheldFields.Length, response.Codes.Count);
        }

        Assert.Equal(id.ToString(), node.Data!["node"]!["id"]!.GetValue<string>());
        Assert.Equal(["PROCESSING_RESTRICTED"], node.Codes);
        Assert.Empty(opened.GetMeasurementSnapshot());

        // Releases record what was disclosed: nothing was.
        Assert.Empty(AuditTrailRows.Of(app, AuditEntryKinds.Release, operation));
    }

    [Fact]
    public async Task Owner_RestrictsProcessing_StillReadsAndExportsAndSeesTheRestrictionInMeAndTheConsentHistory()
    {
        var (id, owner, input) = await SignUpAsync("restrict-owner");
        var restricted = (await owner.PostAsync(Restrict, new { reason = "OBJECTION_PENDING" })).Ok()["restrictProcessing"]!;

        var me = (await owner.PostAsync("{ me { fullName phone processingRestriction { since reason placedBy } } }")).Ok()["me"]!;
        var export = JsonNode.Parse((await owner.PostAsync("mutation { exportMyData }")).Ok()["exportMyData"]!.GetValue<string>())!;

        Assert.Equal(id.ToString(), restricted["profileId"]!.GetValue<string>());
        Assert.Equal(("OBJECTION_PENDING", "OWNER"), (restricted["restriction"]!["reason"]!.GetValue<string>(), restricted["restriction"]!["placedBy"]!.GetValue<string>()));
        Assert.Equal((input["fullName"], input["phone"]), (me["fullName"]!.GetValue<string>(), me["phone"]!.GetValue<string>()));
        Assert.Equal(restricted["restriction"]!.ToJsonString(), me["processingRestriction"]!.ToJsonString());
        Assert.Equal(input["fullName"], export["profile"]!["fullName"]!.GetValue<string>());
        var since = restricted["restriction"]!["since"]!.GetValue<DateTimeOffset>();
        Assert.Equal((since, "objection-pending", "owner"), (export["processingRestriction"]!["since"]!.GetValue<DateTimeOffset>(), export["processingRestriction"]!["reason"]!.GetValue<string>(), export["processingRestriction"]!["placedBy"]!.GetValue<string>()));
        var last = export["consentHistory"]!.AsArray()[^1]!;
        Assert.Equal(("restricted", "objection-pending", "owner", since), (last["kind"]!.GetValue<string>(), last["reason"]!.GetValue<string>(), last["by"]!.GetValue<string>(), last["at"]!.GetValue<DateTimeOffset>()));
    }

    [Fact]
    public async Task Management_ExportsARestrictedProfileForAuthority_GetsEveryPersonalField()
    {
        var (id, owner, input) = await SignUpAsync("restrict-authority");
        (await owner.PostAsync(Restrict, new { reason = "PROCESSING_UNLAWFUL" })).Ok();
        using var opened = OpenedCounter();

        var text = (await Staff(DefaultRole.Management, "management-demo").PostAsync(
            "mutation($id: ID!) { exportProfileForAuthority(id: $id, basis: { law: \"91/2025/QH15\", article: \"Article 17(2)(b)\", requestReference: \"CSDT-45\" }) }", new { id })).Ok()["exportProfileForAuthority"]!.GetValue<string>();

        var profile = JsonNode.Parse(text)!["profile"]!;
        Assert.Equal((input["fullName"], input["email"], input["phone"]), (profile["fullName"]!.GetValue<string>(), profile["email"]!.GetValue<string>(), profile["phone"]!.GetValue<string>()));
        Assert.NotEmpty(opened.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task Owner_LiftsRestriction_StaffReadAgainAndEveryStepIsRecorded()
    {
        var (id, owner, input) = await SignUpAsync("restrict-lift");
        (await owner.PostAsync(Restrict, new { reason = "NO_LONGER_NEEDED" })).Ok();
        var again = (await owner.PostAsync(Restrict, new { reason = "ACCURACY_CONTESTED" })).Ok()["restrictProcessing"]!["restriction"]!;

        var lifted = (await owner.PostAsync(Lift)).Ok()["liftRestriction"]!;
        var operation = AuditTrailRows.NewOperation("ReadLifted");
        var read = await Staff(DefaultRole.Support, "support-demo").PostAsync(StaffRead(operation), new { id });
        var me = (await owner.PostAsync("{ me { processingRestriction { since } } }")).Ok()["me"]!;

        // Restricting twice keeps the first restriction and adds no event.
        Assert.Equal("NO_LONGER_NEEDED", again["reason"]!.GetValue<string>());
        Assert.Null(lifted["restriction"]);
        Assert.Null(me["processingRestriction"]);
        Assert.Equal(input["fullName"], read.Ok()["profile"]!["fullName"]!.GetValue<string>());
        var events = app.WithDb(db => db.ConsentEvents.Where(e => e.ProfileId == id).OrderBy(e => e.Id).Select(e => new { e.Kind, e.RestrictionReason, e.By }).ToList());
        Assert.Equal(
            [(ConsentEventKinds.Accepted, null, null), (ConsentEventKinds.Restricted, RestrictionReasons.NoLongerNeeded, RestrictionPlacers.Owner), (ConsentEventKinds.Unrestricted, RestrictionReasons.NoLongerNeeded, RestrictionPlacers.Owner)],
            events.Select(e => (e.Kind, e.RestrictionReason, e.By)));
        var records = (await CustodianRecord.ReadAsync(app)).Where(r => r.Target == $"profile {id}").ToList();
        Assert.Equal(
            [
                (PrivacyOperationNames.RestrictProcessing, OperationOutcomes.Succeeded, "Restricted processing (no-longer-needed, by owner)."),
                (PrivacyOperationNames.RestrictProcessing, OperationOutcomes.Succeeded, "Processing was restricted already (no-longer-needed, by owner); nothing changed."),
                (PrivacyOperationNames.LiftRestriction, OperationOutcomes.Succeeded, "Lifted the restriction of processing (no-longer-needed)."),
            ],
            records.Select(r => (r.Operation, r.Outcome, r.Detail)));
        Assert.Equal("consent,email,fullName,phone:masked", Assert.Single(AuditTrailRows.Release(app, operation).Profiles).Fields);
    }

    [Fact]
    public async Task Management_RestrictsOnRequest_OwnerCannotLiftItAndManagementLiftsItOnRequest()
    {
        var (id, owner, input) = await SignUpAsync("restrict-request");
        var management = Staff(DefaultRole.Management, "management-demo");

        var restricted = (await management.PostAsync(RestrictProfile, new { id, @ref = "CSKH-2026-77", reason = "ACCURACY_CONTESTED" })).Ok()["restrictProfile"]!;
        var ownerLift = await owner.PostAsync(Lift);
        var stillRestricted = await Staff(DefaultRole.Support, "support-demo").PostAsync(StaffRead("SupportReadsWhileRestricted"), new { id });
        var lifted = (await management.PostAsync(LiftProfile, new { id, @ref = "CSKH-2026-78" })).Ok()["liftProfileRestriction"]!;
        var readAgain = await management.PostAsync(StaffRead("ManagementReadsOnceLifted"), new { id });

        Assert.Equal(("ACCURACY_CONTESTED", "STAFF"), (restricted["restriction"]!["reason"]!.GetValue<string>(), restricted["restriction"]!["placedBy"]!.GetValue<string>()));
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], ownerLift.Codes);
        Assert.Null(ownerLift.Data!["liftRestriction"]);
        Assert.Contains("PROCESSING_RESTRICTED", stillRestricted.Codes);
        Assert.Null(lifted["restriction"]);
        Assert.Equal(input["email"], readAgain.Ok()["profile"]!["email"]!.GetValue<string>());
        var records = (await CustodianRecord.ReadAsync(app)).Where(r => r.Target == id.ToString() || r.Target == $"profile {id}").ToList();
        Assert.Equal(
            [
                (PrivacyOperationNames.RestrictProfile, "management", OperationOutcomes.Succeeded, "Restricted processing (accuracy-contested, by staff). On request CSKH-2026-77."),
                (PrivacyOperationNames.LiftRestriction, "owner", OperationOutcomes.Refused, "This restriction was placed on your recorded request; ask Cloudjet to lift it."),
                (PrivacyOperationNames.LiftProfileRestriction, "management", OperationOutcomes.Succeeded, "Lifted the restriction of processing (accuracy-contested). On request CSKH-2026-78."),
            ],
            records.Select(r => (r.Operation, r.ActorRole, r.Outcome, r.Detail)));
    }

    [Fact]
    public async Task Management_RestrictsWhatTheOwnerRestricted_TakesItOverSoTheOwnerCannotLiftIt()
    {
        var (_, owner, _) = await SignUpAsync("restrict-takeover");
        var id = (await owner.PostAsync(Restrict, new { reason = "OBJECTION_PENDING" })).Ok()["restrictProcessing"]!["profileId"]!.GetValue<string>();

        var taken = (await Staff(DefaultRole.Management, "management-demo").PostAsync(RestrictProfile, new { id, @ref = "CSKH-9", reason = "ACCURACY_CONTESTED" })).Ok()["restrictProfile"]!["restriction"]!;
        var ownerLift = await owner.PostAsync(Lift);

        Assert.Equal(("ACCURACY_CONTESTED", "STAFF"), (taken["reason"]!.GetValue<string>(), taken["placedBy"]!.GetValue<string>()));
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], ownerLift.Codes);
    }

    [Theory]
    [InlineData(DefaultRole.Sales, "sales-demo", "AUTH_NOT_AUTHORIZED")]
    [InlineData(DefaultRole.Support, "support-demo", "AUTH_NOT_AUTHORIZED")]
    [InlineData(DefaultRole.KeyCustodian, "custodian-demo", "AUTH_NOT_AUTHORIZED")]
    [InlineData(DefaultRole.Anonymous, null, "AUTH_NOT_AUTHENTICATED")]
    public async Task Role_RestrictsProfile_RefusedAndNothingChanges(DefaultRole role, string? subject, string code)
    {
        // Organisation 1 is assigned to sales-demo and support-demo: refused by role, not by scope.
        var (id, _, _) = await SignUpAsync($"restrict-{role}");
        var client = role == DefaultRole.Anonymous ? app.Client() : Staff(role, subject!);

        var restrict = await client.PostAsync(RestrictProfile, new { id, @ref = "CS-1", reason = "ACCURACY_CONTESTED" });
        var own = await client.PostAsync(Restrict, new { reason = "ACCURACY_CONTESTED" });

        Assert.Equal([code], restrict.Codes);
        Assert.Equal([code], own.Codes);
        Assert.Null(restrict.Data!["restrictProfile"]);
        Assert.Null(app.WithDb(db => db.Profiles.Single(p => p.Id == id).RestrictedAt));
        if (role != DefaultRole.Anonymous)
        {
            var record = await PrivacyRecords.LastAsync(app, PrivacyOperationNames.RestrictProfile);
            Assert.Equal((id.ToString(), subject, OperationOutcomes.Refused), (record.Target, record.ActorSubject, record.Outcome));
        }
    }

    [Fact]
    public async Task Support_GrantedRestrictProfile_OutOfReachAnswersExactlyLikeAnUnknownId()
    {
        await using var host = new CloudjetApplication().With("Authorization:Operations:restrictProfile:1", "support");
        await host.InitializeAsync();
        var outsideId = await host.SignUpAsync(Owners.NewInput("restrict-scope"), organizationIndex: 3);
        var support = host.Client(host.StaffToken(DefaultRole.Support, "support-demo"));

        var outside = await support.PostAsync(RestrictProfile, new { id = outsideId, @ref = "CS-2", reason = "ACCURACY_CONTESTED" });
        var unknown = await support.PostAsync(RestrictProfile, new { id = Guid.NewGuid(), @ref = "CS-2", reason = "ACCURACY_CONTESTED" });
        var malformed = await support.PostAsync(RestrictProfile, new { id = "not-a-profile", @ref = "CS-2", reason = "ACCURACY_CONTESTED" });

        Assert.Equal(["NOT_FOUND"], outside.Codes);
        Assert.Equal(unknown.Body, outside.Body);
        Assert.Equal(unknown.Body, malformed.Body);
        Assert.Null(host.WithDb(db => db.Profiles.Single(p => p.Id == outsideId).RestrictedAt));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("kiem.thu@example.vn")]
    public async Task Management_RestrictsWithoutAUsableRequestReference_ValidationAndNothingChanges(string? reference)
    {
        var (id, _, _) = await SignUpAsync($"restrict-ref-{Guid.NewGuid():N}");

        var response = await Staff(DefaultRole.Management, "management-demo").PostAsync(RestrictProfile, new { id, @ref = reference, reason = "ACCURACY_CONTESTED" });

        Assert.Equal(["VALIDATION"], response.Codes);
        Assert.Equal("requestReference", response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Null(app.WithDb(db => db.Profiles.Single(p => p.Id == id).RestrictedAt));
    }

    [Fact]
    public async Task Staff_SearchesARestrictedProfileByEmail_FindsNothingWhileThePageStillListsItsId()
    {
        var (id, owner, input) = await SignUpAsync("restrict-search");
        (await owner.PostAsync(Restrict, new { reason = "ACCURACY_CONTESTED" })).Ok();
        var management = Staff(DefaultRole.Management, "management-demo");

        var search = await management.PostAsync("query($email: String!) { profiles(where: { email: $email }) { totalCount nodes { id } } }", new { email = input["email"] });
        var page = await Staff(DefaultRole.Support, "support-demo").PostAsync(
            "query($org: ID!) { profiles(last: 5, where: { organizationId: $org }) { nodes { id fullName } } }", new { org = Owners.OrganizationId(1) });

        Assert.Equal(0, search.Ok()["profiles"]!["totalCount"]!.GetValue<int>());
        Assert.Empty(search.Data!["profiles"]!["nodes"]!.AsArray());
        var nodes = page.Data!["profiles"]!["nodes"]!.AsArray();
        var index = nodes.Select(n => n!["id"]!.GetValue<string>()).ToList().IndexOf(id.ToString());
        Assert.True(index >= 0);
        Assert.Null(nodes[index]!["fullName"]);
        Assert.All(page.Codes, code => Assert.Equal("PROCESSING_RESTRICTED", code));
        Assert.Equal("PROCESSING_RESTRICTED", page.ErrorAt("profiles", "nodes", index, "fullName")!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Staff_ReadAfterTheRestrictionWasClearedBehindTheGateway_DataIntegrityAndNoValue()
    {
        var (id, owner, input) = await SignUpAsync("restrict-tamper");
        (await owner.PostAsync(Restrict, new { reason = "ACCURACY_CONTESTED" })).Ok();
        await app.WithDbAsync(db => db.Profiles.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.RestrictedAt, (DateTimeOffset?)null).SetProperty(p => p.RestrictedBy, (string?)null).SetProperty(p => p.RestrictionReason, (string?)null)));

        var response = await Staff(DefaultRole.Management, "management-demo").PostAsync(StaffRead("ReadTampered"), new { id });

        Assert.All(WithheldFields, field => Assert.Equal("DATA_INTEGRITY", response.ErrorAt("profile", field)!["extensions"]!["code"]!.GetValue<string>()));
        Assert.DoesNotContain((string)input["fullName"]!, response.Body, StringComparison.Ordinal);
    }

    private async Task<(Guid Id, GraphQLClient Owner, Dictionary<string, object?> Input)> SignUpAsync(string tag)
    {
        var input = Owners.NewInput(tag);
        var id = await app.SignUpAsync(input, organizationIndex: 1);
        return (id, app.Client(await app.LoginAsync((string)input["email"]!)), input);
    }

    private GraphQLClient Staff(DefaultRole role, string subject) => app.Client(app.StaffToken(role, subject));

    private MetricCollector<long> OpenedCounter() =>
        new(app.Services.GetRequiredService<IMeterFactory>(), ProtectionMetrics.MeterName, ProtectionMetrics.FieldsOpenedInstrument);
}
