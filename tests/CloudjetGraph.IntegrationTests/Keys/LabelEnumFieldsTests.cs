using System.Text.Json.Nodes;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Keys;

/// <summary>
/// The deprecated label fields and their enum twins answer the same thing for real rows, and
/// introspection shows the deprecation with its replacement and date.
/// </summary>
[ProviderSensitive("data key rows, a key job and the operation record")]
public sealed class LabelEnumFieldsTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task KeyCustodian_RotatesAndDisablesDataKey_PayloadsAndDataKeysAgreeOnPurposeAndState()
    {
        var custodian = Custodian();

        var rotated = (await custodian.PostAsync("mutation { rotateDataKey(input: { purpose: BLIND_INDEX }) { purpose keyPurpose previousKeyId } }")).Ok()["rotateDataKey"]!;
        var disabled = (await custodian.PostAsync(
            "mutation D($id: ID!) { disableDataKey(input: { id: $id }) { purpose keyPurpose state status } }", new { id = rotated["previousKeyId"]!.GetValue<Guid>() })).Ok()["disableDataKey"]!;
        var dataKeys = (await custodian.PostAsync("{ keys { dataKeys { purpose keyPurpose state status } } }")).Ok()["keys"]!["dataKeys"]!.AsArray();

        Assert.Equal(("blind-index", "BLIND_INDEX"), Pair(rotated, "purpose", "keyPurpose"));
        Assert.Equal(("blind-index", "BLIND_INDEX"), Pair(disabled, "purpose", "keyPurpose"));
        Assert.Equal(("disabled", "DISABLED"), Pair(disabled, "state", "status"));
        Assert.Equal(
            [("blind-index", "BLIND_INDEX"), ("person-keys", "PERSON_KEYS"), ("row-integrity", "ROW_INTEGRITY"), ("token-signing", "TOKEN_SIGNING")],
            dataKeys.Select(key => Pair(key!, "purpose", "keyPurpose")).Distinct().Order());
        Assert.Equal(
            [("active", "ACTIVE"), ("disabled", "DISABLED")],
            dataKeys.Select(key => Pair(key!, "state", "status")).Distinct().Order());
    }

    [Fact]
    public async Task KeyCustodian_StartsKeyJob_PayloadAndKeyJobsAgreeOnState()
    {
        // Its own host: a job with work to do needs a rotated person-keys key, which the class's other tests must not see.
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var custodian = host.Client(host.StaffToken(DefaultRole.KeyCustodian, "custodian-labels"));
        (await custodian.PostAsync("mutation { rotateDataKey(input: { purpose: PERSON_KEYS }) { newKeyId } }")).Ok();

        var started = (await custodian.PostAsync("mutation { startKeyJob(input: { kind: REWRAP }) { state status } }")).Ok()["startKeyJob"]!;
        await Poll.UntilAsync(() => host.WithDb(db => db.AuditEntries.Any(entry => entry.Operation == CustodianOperationNames.Rewrap)), JobTimeout, "The rewrap being recorded");
        var job = (await custodian.PostAsync("{ keyJobs { kind state status } }")).Ok()["keyJobs"]!.AsArray().Single(j => j!["kind"]!.GetValue<string>() == "REWRAP")!;

        Assert.Contains(Pair(started, "state", "status"), new[] { ("running", "RUNNING"), ("done", "DONE") });
        Assert.Equal(("done", "DONE"), Pair(job, "state", "status"));
    }

    [Fact]
    public async Task KeyCustodian_ReadsKeyOperations_KindAndResultAgreeWithOperationAndOutcome()
    {
        var custodian = Custodian();
        (await custodian.PostAsync("mutation { rewrapDataKeysUnderMasterKey { rewrapped } }")).Ok();
        Assert.Equal(["KEY_NOT_FOUND"], (await custodian.PostAsync("mutation R($id: ID!) { revokeMasterKey(input: { id: $id }) { masterKeyId } }", new { id = Guid.NewGuid() })).Codes);

        var operations = (await custodian.PostAsync("{ keyOperations(first: 50) { nodes { operation kind outcome result } } }")).Ok()["keyOperations"]!["nodes"]!.AsArray()
            .Select(o => (Text(o!, "operation"), Text(o!, "kind"), Text(o!, "outcome"), Text(o!, "result"))).ToList();

        // The class's other tests record operations of their own, in any order.
        Assert.Contains(("keys.revoke-master", "REVOKE_MASTER", "refused", "REFUSED"), operations);
        Assert.Contains(("keys.rewrap-data-keys", "REWRAP_DATA_KEYS", "succeeded", "SUCCEEDED"), operations);
    }

    [Theory]
    [InlineData("DataKey", "purpose", "keyPurpose")]
    [InlineData("DataKey", "state", "status")]
    [InlineData("DataKeyStatePayload", "purpose", "keyPurpose")]
    [InlineData("DataKeyStatePayload", "state", "status")]
    [InlineData("RotateDataKeyPayload", "purpose", "keyPurpose")]
    [InlineData("DestroyDataKeyPayload", "purpose", "keyPurpose")]
    [InlineData("KeyJob", "state", "status")]
    [InlineData("StartKeyJobPayload", "state", "status")]
    [InlineData("KeyOperation", "operation", "kind")]
    [InlineData("KeyOperation", "outcome", "result")]
    public async Task Introspection_LabelField_IsDeprecatedNamingItsEnumAndDate(string type, string label, string replacement)
    {
        var fields = (await app.Client().PostAsync(
            "query T($name: String!) { __type(name: $name) { fields(includeDeprecated: true) { name isDeprecated deprecationReason type { ofType { kind } } } } }", new { name = type }))
            .Ok()["__type"]!["fields"]!.AsArray();
        var deprecated = fields.Single(f => Text(f!, "name") == label)!;
        var twin = fields.Single(f => Text(f!, "name") == replacement)!;
        var served = (await app.Client().PostAsync("query T($name: String!) { __type(name: $name) { fields { name } } }", new { name = type }))
            .Ok()["__type"]!["fields"]!.AsArray().Select(f => Text(f!, "name"));

        Assert.True(deprecated["isDeprecated"]!.GetValue<bool>());
        Assert.Equal($"Use {replacement}; removed after 2027-06-05.", Text(deprecated, "deprecationReason"));
        Assert.False(twin["isDeprecated"]!.GetValue<bool>());
        Assert.Equal("ENUM", twin["type"]!["ofType"]!["kind"]!.GetValue<string>());
        Assert.DoesNotContain(label, served);
    }

    private GraphQLClient Custodian() => app.Client(app.StaffToken(DefaultRole.KeyCustodian, "custodian-labels"));

    private static (string Label, string Value) Pair(JsonNode node, string label, string value) => (Text(node, label), Text(node, value));

    private static string Text(JsonNode node, string name) => node[name]!.GetValue<string>();
}
