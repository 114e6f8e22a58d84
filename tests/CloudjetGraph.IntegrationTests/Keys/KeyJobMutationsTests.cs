using System.Text.Json.Nodes;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Keys.Jobs;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Keys;

/// <summary>
/// The data key rotations and key jobs over HTTP against a live gateway, each on its own host since
/// they change keys: the job runs in the gateway's background, keyJobs follows it, and every
/// operation lands in keyOperations under the caller's subject.
/// </summary>
[ProviderSensitive("key jobs, their lease and their record")]
public sealed class KeyJobMutationsTests
{
    private const string Subject = "custodian-jobs";
    private const string KeyJobsQuery = "{ keyJobs { kind scope state examined changed conflicts holder leaseExpiresAt started updated finished } }";
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task KeyCustodian_RotatesPersonKeysAndRewrapsOverGraphQL_OldKeyDestroyableOnlyAfter()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var custodian = host.Client(host.StaffToken(DefaultRole.KeyCustodian, Subject));
        var personKeys = host.WithKeyStore(store => store.PersonKeys.LongCount());

        var rotated = (await custodian.PostAsync("mutation { rotateDataKey(input: { purpose: PERSON_KEYS }) { purpose newKeyId previousKeyId masterKeyId } }")).Ok()["rotateDataKey"]!;
        var oldKey = rotated["previousKeyId"]!.GetValue<Guid>();
        var newKey = rotated["newKeyId"]!.GetValue<Guid>();
        Assert.Equal("person-keys", rotated["purpose"]!.GetValue<string>());
        Assert.NotEqual(oldKey, newKey);
        Assert.NotNull(rotated["masterKeyId"]!.GetValue<string>());

        const string Destroy = "mutation Destroy($id: ID!) { destroyDataKey(input: { id: $id }) { id purpose } }";
        var refused = await custodian.PostAsync(Destroy, new { id = oldKey });
        Assert.Equal(["KEY_TRANSITION_REFUSED"], refused.Codes);
        Assert.Equal(
            $"Data key {oldKey} is not destroyed: It is decrypt-only. Only a key scheduled for destruction is destroyed; disable it and schedule it first.",
            refused.Errors[0]!["message"]!.GetValue<string>());

        var started = (await custodian.PostAsync("mutation { startKeyJob(input: { kind: REWRAP, batchSize: 2 }) { kind scope state } }")).Ok()["startKeyJob"]!;
        Assert.Equal(("REWRAP", "all"), (started["kind"]!.GetValue<string>(), started["scope"]!.GetValue<string>()));
        Assert.Contains(started["state"]!.GetValue<string>(), new[] { KeyJobStates.Running, KeyJobStates.Done });
        await UntilRecordedAsync(host, CustodianOperationNames.Rewrap);

        var job = await JobAsync(custodian, "REWRAP", "all");
        Assert.Equal((KeyJobStates.Done, personKeys, personKeys, 0L), (job["state"]!.GetValue<string>(), job["examined"]!.GetValue<long>(), job["changed"]!.GetValue<long>(), job["conflicts"]!.GetValue<long>()));
        Assert.Null(job["holder"]);
        Assert.NotNull(job["finished"]);
        Assert.Equal(personKeys, host.WithKeyStore(store => store.PersonKeys.LongCount(k => k.WrappingKeyId == newKey)));

        (await custodian.PostAsync("mutation D($id: ID!) { disableDataKey(input: { id: $id }) { state } }", new { id = oldKey })).Ok();
        (await custodian.PostAsync("mutation S($id: ID!) { scheduleDataKeyDestruction(input: { id: $id }) { state } }", new { id = oldKey })).Ok();
        var early = await custodian.PostAsync(Destroy, new { id = oldKey });
        Assert.Equal(["KEY_DESTRUCTION_TOO_EARLY"], early.Codes);
        DataKeyScheduling.PassWaitingPeriod(host, oldKey);

        var destroyed = (await custodian.PostAsync(Destroy, new { id = oldKey })).Ok()["destroyDataKey"]!;
        Assert.Equal(new JsonObject { ["id"] = oldKey.ToString(), ["purpose"] = "person-keys" }.ToJsonString(), destroyed.ToJsonString());

        Assert.Equal(
            [
                ("keys.rotate-data", "succeeded", $"person-keys key {newKey}"),
                ("keys.destroy-data", "refused", $"data key {oldKey}"),
                ("keys.rewrap", "succeeded", "all"),
                ("keys.disable", "succeeded", $"person-keys key {oldKey}"),
                ("keys.schedule-destroy", "succeeded", $"person-keys key {oldKey}"),
                ("keys.destroy-data", "refused", $"data key {oldKey}"),
                ("keys.destroy-data", "succeeded", $"person-keys key {oldKey}"),
            ],
            await OperationsAsync(custodian, 7));
        var rewrapRecord = (await CustodianRecord.ReadAsync(host)).Single(o => o.Operation == CustodianOperationNames.Rewrap);
        Assert.Equal($"Done: {personKeys} examined, {personKeys} changed, 0 changed concurrently.", rewrapRecord.Detail);
    }

    [Fact]
    public async Task KeyCustodian_RotatesBlindIndexAndReindexesOverGraphQL_LoginStillWorks()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var custodian = host.Client(host.StaffToken(DefaultRole.KeyCustodian, Subject));
        var input = Owners.NewInput("gql-reindex");
        await host.SignUpAsync(input);
        var profiles = host.WithDb(db => db.Profiles.LongCount());

        var rotated = (await custodian.PostAsync("mutation { rotateDataKey(input: { purpose: BLIND_INDEX }) { purpose newKeyId previousKeyId } }")).Ok()["rotateDataKey"]!;
        Assert.Equal("blind-index", rotated["purpose"]!.GetValue<string>());
        var oldKey = rotated["previousKeyId"]!.GetValue<Guid>();

        var started = (await custodian.PostAsync("mutation { startKeyJob(input: { kind: REINDEX }) { kind scope state } }")).Ok()["startKeyJob"]!;
        Assert.Equal("REINDEX", started["kind"]!.GetValue<string>());
        await UntilRecordedAsync(host, CustodianOperationNames.Reindex);

        var job = await JobAsync(custodian, "REINDEX", "all");
        Assert.Equal((KeyJobStates.Done, profiles), (job["state"]!.GetValue<string>(), job["changed"]!.GetValue<long>()));
        var census = (await custodian.PostAsync("{ keys { dataKeys { id census { indexEntries } } } }")).Ok()["keys"]!["dataKeys"]!.AsArray();
        Assert.Equal(0, census.Single(k => k!["id"]!.GetValue<Guid>() == oldKey)!["census"]!["indexEntries"]!.GetValue<long>());
        Assert.False(string.IsNullOrEmpty(await host.LoginAsync((string)input["email"]!)));
        Assert.Equal(("keys.reindex", "succeeded", "all"), (await OperationsAsync(custodian, 1)).Single());
    }

    [Fact]
    public async Task KeyCustodian_RekeysOneProfileOverGraphQL_ManagementReadsItIdentical()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var custodian = host.Client(host.StaffToken(DefaultRole.KeyCustodian, Subject));
        var management = host.Client(host.StaffToken(DefaultRole.Management, "management-demo"));
        var profile = await host.SignUpAsync(Owners.NewInput("gql-rekey"));
        const string ProfileQuery = "query P($id: ID!) { profile(id: $id) { id fullName email phone skype department jobTitle loginEmail } }";
        var before = (await management.PostAsync(ProfileQuery, new { id = profile })).Ok().ToJsonString();
        var keyBefore = host.WithKeyStore(store => store.PersonKeys.Single(k => k.ProfileId == profile).Id);
        var othersBefore = host.WithKeyStore(store => store.PersonKeys.Where(k => k.ProfileId != profile).Select(k => k.Id).ToHashSet());

        var started = (await custodian.PostAsync(
            "mutation Rekey($id: ID!) { startKeyJob(input: { kind: REKEY, profileId: $id }) { kind scope state } }", new { id = profile })).Ok()["startKeyJob"]!;
        Assert.Equal(("REKEY", $"profile:{profile}"), (started["kind"]!.GetValue<string>(), started["scope"]!.GetValue<string>()));
        await UntilRecordedAsync(host, CustodianOperationNames.Rekey);

        var job = await JobAsync(custodian, "REKEY", $"profile:{profile}");
        Assert.Equal((KeyJobStates.Done, 1L), (job["state"]!.GetValue<string>(), job["changed"]!.GetValue<long>()));
        Assert.NotEqual(keyBefore, host.WithKeyStore(store => store.PersonKeys.Single(k => k.ProfileId == profile).Id));
        Assert.Equal(othersBefore, host.WithKeyStore(store => store.PersonKeys.Where(k => k.ProfileId != profile).Select(k => k.Id).ToHashSet()));
        Assert.Equal(before, (await management.PostAsync(ProfileQuery, new { id = profile })).Ok().ToJsonString());
        Assert.Equal(("keys.rekey", "succeeded", $"profile:{profile}"), (await OperationsAsync(custodian, 1)).Single());
    }

    [Fact]
    public async Task KeyCustodian_StartsJobWhileCliRunnerHoldsLease_GetsKeyJobRunningAndRefusalIsRecorded()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var custodian = host.Client(host.StaffToken(DefaultRole.KeyCustodian, Subject));
        var leases = host.Services.GetRequiredService<KeyJobLeases>();

        // The lease as a `keys rekey` process on another machine holds it.
        const string CliHolder = "custodian-box/pid 4242/0badcafe";
        await leases.AcquireAsync(CliHolder, KeyJobKinds.Rekey, "all", CancellationToken.None);
        var keyStore = await DatabaseDigest.OfKeyStoreAsync(host);

        var refused = await custodian.PostAsync("mutation { startKeyJob(input: { kind: REWRAP }) { state } }");

        Assert.Equal(["KEY_JOB_RUNNING"], refused.Codes);
        Assert.Equal("""{"startKeyJob":null}""", refused.Data?.ToJsonString());
        Assert.StartsWith($"Another runner holds the key job lease: {CliHolder} (rekey all)", refused.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(keyStore, await DatabaseDigest.OfKeyStoreAsync(host));
        Assert.Equal(CliHolder, (await leases.ReadAsync(CancellationToken.None)).Holder);
        Assert.Equal(("keys.rewrap", "refused", "all"), (await OperationsAsync(custodian, 1)).Single());

        // Once the Cli runner let go, the same call starts the job.
        await leases.ReleaseAsync(CliHolder, CancellationToken.None);
        var started = (await custodian.PostAsync("mutation { startKeyJob(input: { kind: REWRAP }) { state } }")).Ok()["startKeyJob"]!;
        Assert.Contains(started["state"]!.GetValue<string>(), new[] { KeyJobStates.Running, KeyJobStates.Done });
        await Poll.UntilAsync(() => host.WithDb(db => db.AuditEntries.Count(o => o.Operation == CustodianOperationNames.Rewrap)) == 2, JobTimeout, "The second rewrap being recorded");
    }

    [Fact]
    public async Task KeyCustodian_RotatesPurposeWhoseActiveKeyWentMissing_GetsKeyRingUnavailableAndRefusalIsRecorded()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var custodian = host.Client(host.StaffToken(DefaultRole.KeyCustodian, Subject));

        // A database edited behind the gateway's back: no active blind-index key any more.
        await host.ExecuteSqlAsync("UPDATE DataKeys SET IsActive = FALSE WHERE Purpose = $purpose", ("$purpose", (int)DataKeyPurpose.BlindIndex));
        var dataKeys = host.WithDb(db => db.DataKeys.Count());

        var refused = await custodian.PostAsync("mutation { rotateDataKey(input: { purpose: BLIND_INDEX }) { newKeyId } }");

        Assert.Equal(["KEY_RING_UNAVAILABLE"], refused.Codes);
        Assert.Equal("""{"rotateDataKey":null}""", refused.Data?.ToJsonString());
        Assert.Equal(dataKeys, host.WithDb(db => db.DataKeys.Count()));
        Assert.Equal(("keys.rotate-data", "refused", "blind-index key"), (await OperationsAsync(custodian, 1)).Single());
    }

    [Fact]
    public async Task Gateway_StopsDuringBackgroundJob_JobInterruptedAfterBatchAndResumesOnNextStart()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));
        long profiles;
        string databasePath;
        await using (var host = new CloudjetApplication { DataDirectory = dataDirectory, KeepData = true })
        {
            await host.InitializeAsync();
            databasePath = host.DatabasePath;
            profiles = host.WithDb(db => db.Profiles.LongCount());
            var custodian = host.Client(host.StaffToken(DefaultRole.KeyCustodian, Subject));

            // One row a second: the gateway stops long before the job could finish.
            var started = (await custodian.PostAsync("mutation { startKeyJob(input: { kind: REKEY, all: true, batchSize: 1, rowsPerSecond: 1 }) { state } }")).Ok()["startKeyJob"]!;
            Assert.Equal(KeyJobStates.Running, started["state"]!.GetValue<string>());
            await Poll.UntilAsync(() => host.WithKeyStore(store => store.KeyJobRuns.Any(r => r.Kind == KeyJobKinds.Rekey && r.Examined >= 1)), JobTimeout, "The first batch of the rekey");
        }

        var record = (await CustodianRecord.ReadAsync(databasePath)).Single(o => o.Operation == CustodianOperationNames.Rekey);
        Assert.Equal((Subject, "succeeded"), (record.ActorSubject, record.Outcome));
        Assert.StartsWith("Interrupted after the batch in flight; work remains:", record.Detail, StringComparison.Ordinal);

        await using var after = new CloudjetApplication { DataDirectory = dataDirectory };
        await after.InitializeAsync();
        var resumed = after.Client(after.StaffToken(DefaultRole.KeyCustodian, Subject));
        var interrupted = await JobAsync(resumed, "REKEY", "all");
        Assert.Equal(KeyJobStates.Interrupted, interrupted["state"]!.GetValue<string>());
        Assert.InRange(interrupted["examined"]!.GetValue<long>(), 1, profiles - 1);

        (await resumed.PostAsync("mutation { startKeyJob(input: { kind: REKEY, all: true }) { state } }")).Ok();
        await Poll.UntilAsync(() => after.WithDb(db => db.AuditEntries.Count(o => o.Operation == CustodianOperationNames.Rekey)) == 2, JobTimeout, "The resumed rekey being recorded");
        var done = await JobAsync(resumed, "REKEY", "all");
        Assert.Equal((KeyJobStates.Done, profiles), (done["state"]!.GetValue<string>(), done["examined"]!.GetValue<long>()));
    }

    // The record is written once the run ended, just after its checkpoint says done.
    private static Task UntilRecordedAsync(CloudjetApplication host, string operation) =>
        Poll.UntilAsync(() => host.WithDb(db => db.AuditEntries.Any(o => o.Operation == operation)), JobTimeout, $"The {operation} job being recorded");

    private static async Task<JsonNode> JobAsync(GraphQLClient custodian, string kind, string scope) =>
        (await custodian.PostAsync(KeyJobsQuery)).Ok()["keyJobs"]!.AsArray()
            .Single(j => j!["kind"]!.GetValue<string>() == kind && j["scope"]!.GetValue<string>() == scope)!;

    // The newest operations, oldest first, each checked to carry the caller's subject and role.
    private static async Task<List<(string Operation, string Outcome, string Target)>> OperationsAsync(GraphQLClient custodian, int count)
    {
        var nodes = (await custodian.PostAsync("query Ops($first: Int) { keyOperations(first: $first) { nodes { actorSubject actorRole operation outcome target } } }", new { first = count }))
            .Ok()["keyOperations"]!["nodes"]!.AsArray();
        Assert.All(nodes, n => Assert.Equal((Subject, "keyCustodian"), (n!["actorSubject"]!.GetValue<string>(), n["actorRole"]!.GetValue<string>())));
        return [.. nodes.Reverse().Select(n => (n!["operation"]!.GetValue<string>(), n["outcome"]!.GetValue<string>(), n["target"]!.GetValue<string>()))];
    }
}
