using System.Text.Json.Nodes;
using CloudjetGraph.Core.Keys;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Hosting;

/// <summary>
/// Gateways as separate processes on one database (SQLite file or PostgreSQL, as the run is
/// configured) and one shared ring folder, with the custodians' Cli beside them (its key verbs in
/// this process, its token and audit verbs as processes): what one instance writes the other
/// reads, key changes reach both within the refresh interval, and instances that start together
/// create one set of keys. Process tests run once, on SQLite, except where instances race for
/// the provider's startup lock.
/// </summary>
public sealed class SeveralInstancesTests
{
    private static readonly TimeSpan Startup = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan CliTimeout = TimeSpan.FromMinutes(2);

    // DataProtection:RefreshInterval of both gateways. Each logs the keys it holds when a refresh
    // changes them, and the test waits for that line rather than for a fixed time.
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PropagationTimeout = TimeSpan.FromSeconds(60);
    private const string KeysInUseLine = "This instance now writes under ring key ";

    // Far enough ahead that both instances surely hold the new ring key before it becomes the default.
    private static readonly TimeSpan ActivationLead = TimeSpan.FromSeconds(5);

    private const string EveryProfile = """
        query($after: String) {
          profiles(first: 50, after: $after) {
            nodes { id fullName email phone skype department jobTitle loginEmail }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    private const string OneProfile = "query($id: ID!) { profile(id: $id) { fullName email phone skype department jobTitle loginEmail } }";

    [Fact]
    public async Task TwoGatewayProcesses_OneDatabaseAndRing_ReadEachOthersWritesAndFollowEveryKeyChange()
    {
        await using var data = new CloudjetApplication();
        var environment = GatewayEnvironment(data);
        using var first = GatewayProcess.Start(environment);
        await first.WaitUntilListeningAsync(Startup);
        using var second = GatewayProcess.Start(environment);
        await second.WaitUntilListeningAsync(Startup);
        var token = await StaffTokenAsync(environment);
        GraphQLClient[] gateways = [first.Client(token), second.Client(token)];
        var anonymous = new[] { first.Client(), second.Client() };
        var baseline = await ReadEveryProfileAsync(gateways[0]);
        Assert.Equal(200, baseline.Count);

        // Written through one, read back through the other, both ways.
        var signedUp = await SignUpAsync(gateways[0], anonymous[1], "cross");
        Assert.Equal(Expected(signedUp.Input), await ReadProfileAsync(gateways[0], signedUp.Id));
        var corrected = (await gateways[0].PostAsync(
            "mutation($id: ID!) { correctProfile(id: $id, input: { jobTitle: \"Trưởng nhóm kiểm thử\" }, requestReference: \"TICKET-8\") { jobTitle } }",
            new { id = signedUp.Id })).Ok();
        Assert.Equal("Trưởng nhóm kiểm thử", corrected["correctProfile"]!["jobTitle"]!.GetValue<string>());
        Assert.Equal("Trưởng nhóm kiểm thử", (await ReadProfileAsync(gateways[1], signedUp.Id))["jobTitle"]);

        // New data keys from the Cli: once both gateways have followed, they write under them, never under the old ones.
        string[] rotated = [DataKeyPurposeLabels.PersonKeyWrapping, DataKeyPurposeLabels.BlindIndex];
        var before = ActiveDataKeys(await Custodian.ListAsync(Settings(data)));
        foreach (var purpose in rotated)
        {
            await KeysAsync(data, "rotate-data", "--yes", "--purpose", purpose);
        }

        var rotatedTo = ActiveDataKeys(await Custodian.ListAsync(Settings(data)));
        await BothFollowAsync([first, second], keys => rotated.All(purpose => keys.Contains($"{purpose} {rotatedTo[purpose].Id}", StringComparison.Ordinal)), "the rotated data keys");
        var written = new[] { await SignUpAsync(gateways[0], anonymous[0], "first"), await SignUpAsync(gateways[1], anonymous[1], "second") };
        var census = await Custodian.ListAsync(Settings(data));
        foreach (var purpose in rotated)
        {
            var old = DataKey(census, before[purpose].Id);
            Assert.Equal(DataKeyStates.DecryptOnly, old.State);
            Assert.Equal(before[purpose].Census, old.Census);
            var fresh = ActiveDataKeys(census)[purpose];
            Assert.NotEqual(before[purpose].Id, fresh.Id);
            Assert.True(fresh.Census.Written > 0, $"No write under the new {purpose} key.");
        }

        Assert.Equal(2, ActiveDataKeys(census)[DataKeyPurposeLabels.PersonKeyWrapping].Census.PersonKeys);
        foreach (var gateway in gateways)
        {
            foreach (var (id, input) in written)
            {
                Assert.Equal(Expected(input), await ReadProfileAsync(gateway, id));
            }

            AssertHolds(baseline, await ReadEveryProfileAsync(gateway));
        }

        // A new ring key, pre-staged: both instances hold it before it becomes the default, so a data
        // key wrapped under it opens on both.
        var oldMaster = DefaultMasterKey(census);
        await KeysAsync(data, "rotate-master", "--yes", "--activate-in", $"{(int)ActivationLead.TotalSeconds}s");
        var staged = (await Custodian.ListAsync(Settings(data)))["masterKeys"]!.AsArray().Single(key => key!["id"]!.GetValue<string>() != oldMaster)!;
        var newMasterId = staged["id"]!.GetValue<string>();
        await BothFollowAsync([first, second], keys => keys.Contains($"ring keys held: {oldMaster}, {newMasterId}", StringComparison.Ordinal), "the staged ring key");
        Assert.True(DateTimeOffset.UtcNow < staged["activation"]!.GetValue<DateTimeOffset>(), "The staged ring key became the default before both instances held it.");
        await BothFollowAsync([first, second], keys => keys.StartsWith(newMasterId, StringComparison.Ordinal), "the staged ring key becoming the default");
        await KeysAsync(data, "rotate-master", "--yes", "--rewrap-only");
        await KeysAsync(data, "rotate-data", "--yes", "--purpose", DataKeyPurposeLabels.PersonKeyWrapping);
        census = await Custodian.ListAsync(Settings(data));
        var newMaster = DefaultMasterKey(census);
        Assert.Equal(newMasterId, newMaster);
        Assert.All(census["dataKeys"]!.AsArray(), key => Assert.Equal(newMaster, key!["masterKeyId"]!.GetValue<string>()));
        var personKeysKey = ActiveDataKeys(census)[DataKeyPurposeLabels.PersonKeyWrapping].Id;
        await BothFollowAsync([first, second], keys => keys.Contains($"{DataKeyPurposeLabels.PersonKeyWrapping} {personKeysKey}", StringComparison.Ordinal), "the data key rotated under the new ring key");
        var underNewMaster = new[] { await SignUpAsync(gateways[0], anonymous[0], "first-master"), await SignUpAsync(gateways[1], anonymous[1], "second-master") };
        Assert.Equal(2, ActiveDataKeys(await Custodian.ListAsync(Settings(data)))[DataKeyPurposeLabels.PersonKeyWrapping].Census.PersonKeys);

        // The old ring key revoked: both still serve every profile, reading at the same time, and the
        // audit trail both appended to meanwhile is one chain.
        await KeysAsync(data, "revoke-master", "--yes", oldMaster);
        await BothFollowAsync([first, second], keys => keys.Contains($"{oldMaster} (revoked)", StringComparison.Ordinal), "the revocation");
        var everything = await Task.WhenAll(gateways.Select(ReadEveryProfileAsync));
        Assert.Equal(everything[0], everything[1]);
        Assert.Equal(205, everything[0].Count);
        AssertHolds(baseline, everything[0]);
        foreach (var (id, input) in written.Concat(underNewMaster))
        {
            Assert.Equal(Expected(input), everything[0][id.ToString()]);
        }

        var (verified, verifyOutput) = await CliAsync(environment, "audit", "verify");
        Assert.True(verified == 0, verifyOutput);
        Assert.Contains("entries verified", verifyOutput, StringComparison.Ordinal);
    }

    [Fact]
    [ProviderSensitive("several processes racing for the startup lock")]
    public async Task TwoGatewayProcesses_StartedTogetherOnEmptyDatabase_OneRingKeyOneActiveDataKeyPerPurposeDemoDataOnce()
    {
        await using var data = new CloudjetApplication();
        var environment = GatewayEnvironment(data);
        using var first = GatewayProcess.Start(environment);
        using var second = GatewayProcess.Start(environment);
        await Task.WhenAll(first.WaitUntilListeningAsync(Startup), second.WaitUntilListeningAsync(Startup));

        var census = await Custodian.ListAsync(Settings(data));
        Assert.Single(census["masterKeys"]!.AsArray());
        var dataKeys = census["dataKeys"]!.AsArray().Select(key => key!).ToList();
        Assert.Equal(Enum.GetValues<CloudjetGraph.Core.Protection.DataKeyPurpose>().Length, dataKeys.Count);
        Assert.All(dataKeys.GroupBy(key => key["purpose"]!.GetValue<string>()), purpose => Assert.Single(purpose, key => key["state"]!.GetValue<string>() == DataKeyStates.Active));

        var token = await StaffTokenAsync(environment);
        foreach (var gateway in new[] { first, second })
        {
            var page = (await gateway.Client(token).PostAsync("{ profiles(first: 1) { totalCount nodes { email } } }")).Ok();
            Assert.Equal(200, page["profiles"]!["totalCount"]!.GetValue<int>());
            Assert.NotNull(page["profiles"]!["nodes"]![0]!["email"]!.GetValue<string>());
        }
    }

    [Fact]
    [ProviderSensitive("several processes racing for the startup lock")]
    public async Task Custodians_RunKeysInitTwiceAtOnce_OneRingAndOneRefusal()
    {
        await using var data = new CloudjetApplication();
        var environment = CliProcess.EnvironmentOf(data);
        environment["DOTNET_ENVIRONMENT"] = "Production";
        environment["DataProtection__AllowUnprotectedKeys"] = "true";

        using var one = new CliProcess(environment, "keys", "init");
        using var other = new CliProcess(environment, "keys", "init");
        var exitCodes = await Task.WhenAll(one.ExitCodeAsync(CliTimeout), other.ExitCodeAsync(CliTimeout));

        Assert.True(exitCodes.Order().SequenceEqual([0, 1]), $"Exit codes {string.Join(", ", exitCodes)}.{Environment.NewLine}{one.Output}{other.Output}");
        var refused = exitCodes[0] == 1 ? one : other;
        Assert.Contains("keys init: ", refused.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Output, StringComparison.Ordinal);
        var settings = Settings(data);
        settings["environment"] = "Production";
        settings["DataProtection:AllowUnprotectedKeys"] = "true";
        var census = await Custodian.ListAsync(settings);
        Assert.Single(census["masterKeys"]!.AsArray());
        Assert.Equal(Enum.GetValues<CloudjetGraph.Core.Protection.DataKeyPurpose>().Length, census["dataKeys"]!.AsArray().Count);
    }

    /// <summary>What both gateways and the Cli share: the databases of <paramref name="data"/>'s directory and its ring folder.</summary>
    private static Dictionary<string, string> GatewayEnvironment(CloudjetApplication data)
    {
        var environment = CliProcess.EnvironmentOf(data);
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["DataProtection__RefreshInterval"] = RefreshInterval.ToString();
        environment["RateLimits__PersonalRecordsPerMinute"] = "100000";
        return environment;
    }

    /// <summary>
    /// Waits until each gateway's latest "keys in use" line (ring key, data keys, ring keys held)
    /// satisfies <paramref name="holds"/>: it has followed the custodian's change.
    /// </summary>
    private static async Task BothFollowAsync(GatewayProcess[] gateways, Func<string, bool> holds, string what)
    {
        foreach (var gateway in gateways)
        {
            await Poll.UntilAsync(() => LatestKeysInUse(gateway) is { } keys && holds(keys), PropagationTimeout, $"A gateway following {what}");
        }
    }

    private static string? LatestKeysInUse(GatewayProcess gateway)
    {
        var output = gateway.Output;
        var start = output.LastIndexOf(KeysInUseLine, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var line = output[(start + KeysInUseLine.Length)..];
        var end = line.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? null : line[..end];
    }

    private static Dictionary<string, string?> Settings(CloudjetApplication data) => Custodian.DevelopmentSettingsOf(data);

    // The key verbs run in this process (a `cloudjet` process costs seconds of CPU before it does
    // anything); they still reach the gateways only through the shared database and ring folder.
    private static async Task KeysAsync(CloudjetApplication data, params string[] arguments)
    {
        var (exitCode, output, error) = await Custodian.KeysAsync(Settings(data), arguments);
        Assert.True(exitCode == 0, $"keys {string.Join(' ', arguments)} exited {exitCode}:{Environment.NewLine}{output}{error}");
    }

    private static async Task<(int ExitCode, string Output)> CliAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        using var cli = new CliProcess(environment, arguments);
        return (await cli.ExitCodeAsync(CliTimeout), cli.Output);
    }

    private static async Task<string> StaffTokenAsync(Dictionary<string, string> environment)
    {
        var (exitCode, stdout, stderr) = await ProjectProcess.RunCliToEndAsync(environment, "token", "--role", "management", "--sub", "management-demo");
        Assert.True(exitCode == 0, stderr);
        return stdout.Trim();
    }

    private static async Task<(Guid Id, Dictionary<string, object?> Input)> SignUpAsync(GraphQLClient management, GraphQLClient anonymous, string tag)
    {
        var invitation = (await management.PostAsync(Owners.CreateInvitationMutation, new { input = new { organizationId = Owners.OrganizationId(1) } })).Ok();
        var input = Owners.NewInput(tag + Guid.NewGuid().ToString("N")[..6]);
        input["invitationCode"] = invitation["createInvitation"]!["code"]!.GetValue<string>();
        var signedUp = (await anonymous.PostAsync(Owners.SignUpMutation, new { input })).Ok();
        return (Guid.Parse(signedUp["signUp"]!["profileId"]!.GetValue<string>()), input);
    }

    private static Dictionary<string, string?> Expected(Dictionary<string, object?> input) => new()
    {
        ["fullName"] = (string?)input["fullName"],
        ["email"] = (string?)input["email"],
        ["phone"] = (string?)input["phone"],
        ["skype"] = (string?)input["skype"],
        ["department"] = (string?)input["department"],
        ["jobTitle"] = (string?)input["jobTitle"],
        ["loginEmail"] = (string?)input["email"],
    };

    /// <summary>Every profile of <paramref name="expected"/> is in <paramref name="actual"/> with the same values.</summary>
    private static void AssertHolds(Dictionary<string, Dictionary<string, string?>> expected, Dictionary<string, Dictionary<string, string?>> actual)
    {
        foreach (var (id, values) in expected)
        {
            Assert.True(actual.TryGetValue(id, out var read), $"Profile {id} is missing.");
            Assert.Equal(values, read);
        }
    }

    private static async Task<Dictionary<string, string?>> ReadProfileAsync(GraphQLClient gateway, Guid id)
    {
        var profile = (await gateway.PostAsync(OneProfile, new { id })).Ok()["profile"]!.AsObject();
        return profile.ToDictionary(field => field.Key, field => field.Value?.GetValue<string>());
    }

    /// <summary>Every profile's personal fields by its id, as management reads them, page by page.</summary>
    private static async Task<Dictionary<string, Dictionary<string, string?>>> ReadEveryProfileAsync(GraphQLClient gateway)
    {
        var profiles = new Dictionary<string, Dictionary<string, string?>>();
        string? after = null;
        do
        {
            var page = (await gateway.PostAsync(EveryProfile, new { after })).Ok()["profiles"]!;
            foreach (var node in page["nodes"]!.AsArray())
            {
                var fields = node!.AsObject().Where(field => field.Key != "id").ToDictionary(field => field.Key, field => field.Value?.GetValue<string>());
                profiles.Add(node["id"]!.GetValue<string>(), fields);
            }

            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        return profiles;
    }

    private static string DefaultMasterKey(JsonNode census) =>
        census["masterKeys"]!.AsArray().Single(key => key!["default"]!.GetValue<bool>())!["id"]!.GetValue<string>();

    private static Dictionary<string, DataKeyRow> ActiveDataKeys(JsonNode census) =>
        census["dataKeys"]!.AsArray().Select(key => DataKeyRow.Of(key!)).Where(key => key.State == DataKeyStates.Active).ToDictionary(key => key.Purpose);

    private static DataKeyRow DataKey(JsonNode census, string id) =>
        DataKeyRow.Of(census["dataKeys"]!.AsArray().Single(key => key!["id"]!.GetValue<string>() == id)!);

    /// <summary>A data key in <c>keys list --json</c>, with what it protects.</summary>
    private sealed record DataKeyRow(string Id, string Purpose, string State, DataKeyCounts Census)
    {
        public static DataKeyRow Of(JsonNode key) => new(
            key["id"]!.GetValue<string>(),
            key["purpose"]!.GetValue<string>(),
            key["state"]!.GetValue<string>(),
            new DataKeyCounts(
                key["census"]!["sealedValues"]!.AsObject().Sum(count => count.Value!.GetValue<long>()),
                key["census"]!["indexEntries"]!.GetValue<long>(),
                key["census"]!["accessTags"]!.GetValue<long>(),
                key["census"]!["personKeys"]!.GetValue<long>()));
    }

    private sealed record DataKeyCounts(long SealedValues, long IndexEntries, long AccessTags, long PersonKeys)
    {
        /// <summary>Everything written under the key, whatever its purpose.</summary>
        public long Written => SealedValues + IndexEntries + AccessTags + PersonKeys;
    }
}
