using System.Text.Json.Nodes;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Keys;

/// <summary>
/// Who may call the key mutations and <c>keyOperations</c>, and what a custodian's careless or
/// hostile input gets: stable codes, nothing changed in the ring, refusals recorded.
/// </summary>
[ProviderSensitive("refusals recorded in the audit trail, and keyOperations paged in SQL")]
public sealed class KeyMutationsAccessTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private static readonly string[] KeyOperations =
    [
        "mutation { rotateMasterKey { masterKeyId } }",
        "mutation { rotateMasterKey(input: { activateInSeconds: 60 }) { masterKeyId } }",
        "mutation { rewrapDataKeysUnderMasterKey { rewrapped } }",
        "mutation { revokeMasterKey(input: { id: \"00000000-0000-0000-0000-000000000001\", force: true }) { masterKeyId } }",
        "{ keyOperations { totalCount nodes { detail } } }",
        "mutation { rotateDataKey(input: { purpose: PERSON_KEYS }) { newKeyId } }",
        "mutation { destroyDataKey(input: { id: \"00000000-0000-0000-0000-000000000001\" }) { id } }",
        "mutation { disableDataKey(input: { id: \"00000000-0000-0000-0000-000000000001\" }) { id } }",
        "mutation { enableDataKey(input: { id: \"00000000-0000-0000-0000-000000000001\" }) { id } }",
        "mutation { scheduleDataKeyDestruction(input: { id: \"00000000-0000-0000-0000-000000000001\", after: \"7d\" }) { id } }",
        "mutation { cancelDataKeyDestruction(input: { id: \"00000000-0000-0000-0000-000000000001\" }) { id } }",
        "mutation { startKeyJob(input: { kind: REKEY, all: true }) { state } }",
        "mutation { startKeyJob(input: { kind: REWRAP }) { state } }",
        "{ keyJobs { kind state holder } }",
    ];

    [Theory]
    [InlineData(DefaultRole.Owner)]
    [InlineData(DefaultRole.Management)]
    [InlineData(DefaultRole.Sales)]
    [InlineData(DefaultRole.Support)]
    public async Task OtherRole_CallsKeyOperations_GetsNotAuthorizedAndChangesNothing(DefaultRole role)
    {
        var token = role == DefaultRole.Owner ? await OwnerTokenAsync() : app.StaffToken(role, $"{role.Name()}-demo");
        var ring = RingListing();
        var recorded = (await CustodianRecord.ReadAsync(app)).Count;

        foreach (var operation in KeyOperations)
        {
            var response = await app.Client(token).PostAsync(operation);

            Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.Codes);
            Assert.True(response.Data is null || response.Data.AsObject().All(p => p.Value is null), response.Body);
        }

        Assert.Equal(ring, RingListing());
        Assert.Equal(recorded, (await CustodianRecord.ReadAsync(app)).Count);
    }

    [Fact]
    public async Task Anonymous_CallsKeyOperations_GetsNotAuthenticatedAndChangesNothing()
    {
        var ring = RingListing();

        foreach (var operation in KeyOperations)
        {
            Assert.Equal(["AUTH_NOT_AUTHENTICATED"], (await app.Client().PostAsync(operation)).Codes);
        }

        Assert.Equal(ring, RingListing());
    }

    [Fact]
    public async Task KeyCustodian_RevokesMasterKeyInUseOrUnknown_GetsStableCodesAndRefusalsAreRecorded()
    {
        var custodian = Custodian();
        var master = (await custodian.PostAsync("{ keys { masterKeys { id } } }")).Ok()["keys"]!["masterKeys"]!.AsArray().Single()!["id"]!.GetValue<Guid>();
        var unknown = Guid.NewGuid();
        var ring = RingListing();
        const string Revoke = "mutation Revoke($id: ID!) { revokeMasterKey(input: { id: $id }) { masterKeyId } }";

        var inUse = await custodian.PostAsync(Revoke, new { id = master });
        var notFound = await custodian.PostAsync(Revoke, new { id = unknown });
        var malformed = await custodian.PostAsync(Revoke, new { id = "'; DROP TABLE DataKeys; --" });

        Assert.Equal(["KEY_IN_USE"], inUse.Codes);
        Assert.Equal($"Ring key {master} still wraps 4 data key(s), which could no longer be unwrapped; run `keys rotate-master` (or `--rewrap-only`) first, or force the revocation.", inUse.Errors[0]!["message"]!.GetValue<string>());
        Assert.Equal(["KEY_NOT_FOUND"], notFound.Codes);
        Assert.Equal(["KEY_NOT_FOUND"], malformed.Codes);
        Assert.All([inUse, notFound, malformed], response => Assert.Equal("""{"revokeMasterKey":null}""", response.Data?.ToJsonString()));
        Assert.Equal(ring, RingListing());
        var operations = (await custodian.PostAsync("{ keyOperations(first: 3) { nodes { actorSubject operation target outcome } } }")).Ok()["keyOperations"]!["nodes"]!.AsArray();
        Assert.Equal(
            [$"ring key {Guid.Empty}", $"ring key {unknown}", $"ring key {master}"],
            operations.Select(o => o!["target"]!.GetValue<string>()));
        Assert.All(operations, o => Assert.Equal(("custodian-access", "keys.revoke-master", "refused"), (o!["actorSubject"]!.GetValue<string>(), o["operation"]!.GetValue<string>(), o["outcome"]!.GetValue<string>())));
    }

    [Fact]
    public async Task KeyCustodian_DestroysActiveUnknownOrMalformedDataKey_GetsStableCodesAndNothingChanges()
    {
        var custodian = Custodian();
        var active = (await custodian.PostAsync("{ keys { dataKeys { id state } } }")).Ok()["keys"]!["dataKeys"]!.AsArray()
            .First(k => k!["state"]!.GetValue<string>() == "active")!["id"]!.GetValue<Guid>();
        var dataKeys = await DatabaseDigest.OfAsync(app, "DataKeys");
        const string Destroy = "mutation Destroy($id: ID!) { destroyDataKey(input: { id: $id }) { id } }";

        var activeForced = await custodian.PostAsync(Destroy, new { id = active });
        var unknown = await custodian.PostAsync(Destroy, new { id = Guid.NewGuid() });
        var malformed = await custodian.PostAsync(Destroy, new { id = "'; DROP TABLE DataKeys; --" });

        Assert.Equal(["KEY_TRANSITION_REFUSED"], activeForced.Codes);
        Assert.Equal(["KEY_NOT_FOUND"], unknown.Codes);
        Assert.Equal(["KEY_NOT_FOUND"], malformed.Codes);
        Assert.All([activeForced, unknown, malformed], response => Assert.Equal("""{"destroyDataKey":null}""", response.Data?.ToJsonString()));
        Assert.Equal(dataKeys, await DatabaseDigest.OfAsync(app, "DataKeys"));
        var operations = (await custodian.PostAsync("{ keyOperations(first: 3) { nodes { operation outcome } } }")).Ok()["keyOperations"]!["nodes"]!.AsArray();
        Assert.All(operations, o => Assert.Equal(("keys.destroy-data", "refused"), (o!["operation"]!.GetValue<string>(), o["outcome"]!.GetValue<string>())));
    }

    [Fact]
    public async Task KeyCustodian_DestroysWithForce_ArgumentNoLongerExists()
    {
        var response = await Custodian().PostAsync("mutation { destroyDataKey(input: { id: \"00000000-0000-0000-0000-000000000001\", force: true }) { id } }");

        Assert.Equal(["GRAPHQL_VALIDATION_FAILED"], response.Codes);
    }

    [Theory]
    [InlineData("disableDataKey", "KEY_TRANSITION_REFUSED")]
    [InlineData("enableDataKey", "KEY_TRANSITION_REFUSED")]
    [InlineData("cancelDataKeyDestruction", "KEY_TRANSITION_REFUSED")]
    public async Task KeyCustodian_ChangesStateOfActiveKey_RefusedAndNothingChanges(string mutation, string code)
    {
        var custodian = Custodian();
        var active = (await custodian.PostAsync("{ keys { dataKeys { id state } } }")).Ok()["keys"]!["dataKeys"]!.AsArray()
            .First(k => k!["state"]!.GetValue<string>() == "active")!["id"]!.GetValue<Guid>();
        var dataKeys = await DatabaseDigest.OfAsync(app, "DataKeys");

        var response = await custodian.PostAsync($"mutation Change($id: ID!) {{ {mutation}(input: {{ id: $id }}) {{ id state }} }}", new { id = active });

        Assert.Equal([code], response.Codes);
        Assert.Equal($$"""{"{{mutation}}":null}""", response.Data?.ToJsonString());
        Assert.Equal(dataKeys, await DatabaseDigest.OfAsync(app, "DataKeys"));
    }

    [Theory]
    [InlineData("disableDataKey")]
    [InlineData("enableDataKey")]
    [InlineData("cancelDataKeyDestruction")]
    public async Task KeyCustodian_ChangesStateOfUnknownKey_GetsKeyNotFound(string mutation)
    {
        var response = await Custodian().PostAsync($"mutation Change($id: ID!) {{ {mutation}(input: {{ id: $id }}) {{ id }} }}", new { id = Guid.NewGuid() });

        Assert.Equal(["KEY_NOT_FOUND"], response.Codes);
    }

    [Theory]
    [InlineData("1h", "VALIDATION")]
    [InlineData("167h", "VALIDATION")]
    [InlineData("7 days", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("-7d", "GRAPHQL_VALIDATION_FAILED")]
    public async Task KeyCustodian_SchedulesWithBadWaitingPeriod_RefusedAndNothingChanges(string after, string code)
    {
        var custodian = Custodian();
        var active = (await custodian.PostAsync("{ keys { dataKeys { id state } } }")).Ok()["keys"]!["dataKeys"]!.AsArray()
            .First(k => k!["state"]!.GetValue<string>() == "active")!["id"]!.GetValue<Guid>();
        var dataKeys = await DatabaseDigest.OfAsync(app, "DataKeys");

        var response = await custodian.PostAsync(
            "mutation Schedule($id: ID!, $after: WaitingPeriod) { scheduleDataKeyDestruction(input: { id: $id, after: $after }) { id } }", new { id = active, after });

        Assert.Equal([code], response.Codes);
        if (code == "GRAPHQL_VALIDATION_FAILED" && after.Length > 0)
        {
            // A validation message keeps its first sentence, which never quotes the value sent.
            Assert.DoesNotContain(after, response.Errors.ToJsonString(), StringComparison.Ordinal);
        }

        Assert.Equal(dataKeys, await DatabaseDigest.OfAsync(app, "DataKeys"));
    }

    [Theory]
    [InlineData("mutation { rotateMasterKey(input: { activateInSeconds: -1 }) { masterKeyId } }", "activateInSeconds")]
    [InlineData("mutation { rotateMasterKey(input: { activateInSeconds: 31622401 }) { masterKeyId } }", "activateInSeconds")]
    [InlineData("mutation { startKeyJob(input: { kind: REWRAP, batchSize: 0 }) { state } }", "batchSize")]
    [InlineData("mutation { startKeyJob(input: { kind: REINDEX, batchSize: 100001 }) { state } }", "batchSize")]
    [InlineData("mutation { startKeyJob(input: { kind: REWRAP, rowsPerSecond: 0 }) { state } }", "rowsPerSecond")]
    [InlineData("mutation { startKeyJob(input: { kind: REWRAP, profileId: \"0193a000-0000-7000-8000-000000000001\" }) { state } }", "kind")]
    [InlineData("mutation { startKeyJob(input: { kind: REKEY }) { state } }", "all")]
    [InlineData("mutation { startKeyJob(input: { kind: REKEY, all: true, profileId: \"0193a000-0000-7000-8000-000000000001\" }) { state } }", "all")]
    [InlineData("mutation { startKeyJob(input: { kind: REKEY, profileId: \"'; DROP TABLE Profiles; --\" }) { state } }", "profileId")]
    [InlineData("mutation { startKeyJob(input: { kind: REKEY, organizationId: \"not an id\" }) { state } }", "organizationId")]
    [InlineData("{ keyOperations(first: 0) { totalCount } }", "first")]
    [InlineData("{ keyOperations(first: 51) { totalCount } }", "first")]
    [InlineData("{ keyOperations(after: \"not a cursor\") { totalCount } }", "after")]
    [InlineData("{ keyOperations(after: \"cHJvZmlsZTowMTkzYTAwMDAwMDA3MDAwODAwMDAwMDAwMDAwMDAwMQ==\") { totalCount } }", "after")]
    public async Task KeyCustodian_SendsBadArgument_GetsValidationNamingItAndChangesNothing(string operation, string field)
    {
        var ring = RingListing();

        var response = await Custodian().PostAsync(operation);

        Assert.Equal(["VALIDATION"], response.Codes);
        Assert.Equal(field, response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal(ring, RingListing());
    }

    [Fact]
    public async Task KeyCustodian_ReadsKeyOperationsAndProfilesTogether_GetsTheRecordButNoPersonalField()
    {
        var response = await Custodian().PostAsync("{ keyOperations(first: 1) { totalCount } profiles { nodes { fullName email } } me { fullName } }");

        Assert.NotNull(response.Data!["keyOperations"]!["totalCount"]);
        Assert.Null(response.Data["profiles"]);
        Assert.Null(response.Data["me"]);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.Codes);
        Assert.NotNull(response.ErrorAt("profiles"));
    }

    [Fact]
    public async Task KeyCustodian_PagesKeyOperations_GetsEachOnceNewestFirst()
    {
        var custodian = Custodian();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await custodian.PostAsync("mutation { revokeMasterKey(input: { id: \"0193a000-0000-7000-8000-000000000009\" }) { masterKeyId } }");
        }

        var all = await PageAsync(custodian, "{ keyOperations(first: 50) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }");
        var ids = new List<long>();
        string? after = null;
        do
        {
            var page = await PageAsync(custodian, "query Page($after: String) { keyOperations(first: 2, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }", new { after });
            ids.AddRange(page["nodes"]!.AsArray().Select(n => long.Parse(n!["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.True(all["totalCount"]!.GetValue<int>() >= 3);
        Assert.Equal(all["totalCount"]!.GetValue<int>(), ids.Count);
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task KeyCustodian_PagesKeyOperationsBackward_GetsTheForwardListWithEdgesAndTruthfulPageInfo()
    {
        var custodian = Custodian();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await custodian.PostAsync("mutation { revokeMasterKey(input: { id: \"0193a000-0000-7000-8000-000000000008\" }) { masterKeyId } }");
        }

        var forward = await PageAsync(custodian, "{ keyOperations(first: 50) { nodes { id } } }");
        var ids = new List<long>();
        string? before = null;
        var pages = new List<JsonNode>();
        do
        {
            var page = await PageAsync(
                custodian,
                "query Page($before: String) { keyOperations(last: 2, before: $before) { edges { cursor node { id } } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }",
                new { before });
            pages.Add(page);
            ids.InsertRange(0, page["edges"]!.AsArray().Select(edge => long.Parse(edge!["node"]!["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(page["edges"]![0]!["cursor"]!.GetValue<string>(), page["pageInfo"]!["startCursor"]!.GetValue<string>());
            before = page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>() ? page["pageInfo"]!["startCursor"]!.GetValue<string>() : null;
        }
        while (before is not null);

        Assert.Equal(forward["nodes"]!.AsArray().Select(n => long.Parse(n!["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)), ids);
        Assert.False(pages[0]["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.All(pages.Skip(1), page => Assert.True(page["pageInfo"]!["hasNextPage"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task KeyCustodian_PagesKeyOperationsForwardAfterACursor_ReportsAPreviousPage()
    {
        var custodian = Custodian();
        await custodian.PostAsync("mutation { revokeMasterKey(input: { id: \"0193a000-0000-7000-8000-000000000007\" }) { masterKeyId } }");
        await custodian.PostAsync("mutation { revokeMasterKey(input: { id: \"0193a000-0000-7000-8000-000000000007\" }) { masterKeyId } }");
        const string Page = "query Page($after: String) { keyOperations(first: 1, after: $after) { edges { cursor } pageInfo { hasPreviousPage endCursor } } }";

        var first = await PageAsync(custodian, Page);
        var second = await PageAsync(custodian, Page, new { after = first["pageInfo"]!["endCursor"]!.GetValue<string>() });

        Assert.False(first["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        Assert.True(second["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        Assert.Equal(first["edges"]![0]!["cursor"]!.GetValue<string>(), first["pageInfo"]!["endCursor"]!.GetValue<string>());
    }

    [Fact]
    public async Task KeyCustodian_PagesKeyOperationsBothWaysAtOnce_GetsValidationError()
    {
        var response = await Custodian().PostAsync("{ keyOperations(first: 1, last: 1) { totalCount } }");

        Assert.Equal(["VALIDATION"], response.Codes);
        Assert.Null(response.Data!["keyOperations"]);
    }

    private static async Task<JsonNode> PageAsync(GraphQLClient custodian, string query, object? variables = null) =>
        (await custodian.PostAsync(query, variables)).Ok()["keyOperations"]!;

    private GraphQLClient Custodian() => app.Client(app.StaffToken(DefaultRole.KeyCustodian, "custodian-access"));

    private SortedDictionary<string, string> RingListing() =>
        new(Directory.GetFiles(app.KeyRingPath).ToDictionary(path => Path.GetFileName(path), File.ReadAllText), StringComparer.Ordinal);

    private async Task<string> OwnerTokenAsync()
    {
        var input = Owners.NewInput($"keyops{Guid.NewGuid():N}"[..20]);
        await app.SignUpAsync(input);
        return await app.LoginAsync((string)input["email"]!);
    }
}
