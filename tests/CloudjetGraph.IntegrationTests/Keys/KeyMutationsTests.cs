using System.Text.Json.Nodes;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Keys;

/// <summary>
/// The key mutations over HTTP against a live gateway, each on its own host since they change the
/// ring: the gateway that rotates its own master key keeps serving old and new profiles, and a
/// fresh gateway on the same files reads them all.
/// </summary>
[ProviderSensitive("rewrites the data key rows of the key store")]
public sealed class KeyMutationsTests
{
    private const string ProfilesQuery = "{ profiles(first: 5) { nodes { id fullName email phone skype department jobTitle loginEmail } } }";

    [Fact]
    public async Task KeyCustodian_RotatesAndRevokesMasterKeyOverGraphQL_GatewayServesOldAndNewProfiles()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));
        JsonNode profilesBefore;
        Dictionary<Guid, List<string>> valuesBefore;
        Guid signedUp;
        string signedUpName;
        await using (var app = new CloudjetApplication { DataDirectory = dataDirectory, KeepData = true })
        {
            await app.InitializeAsync();
            var custodian = app.Client(app.StaffToken(DefaultRole.KeyCustodian, "custodian-ops"));
            var management = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));
            var oldMaster = (await KeysAsync(custodian))["masterKeys"]!.AsArray().Single()!["id"]!.GetValue<Guid>();
            profilesBefore = (await management.PostAsync(ProfilesQuery)).Ok();
            valuesBefore = StoredPersonalValues.ByProfile(app.Services);
            var profilesDigest = await DatabaseDigest.OfAsync(app, "Profiles");
            var personKeysDigest = await DatabaseDigest.OfKeyStoreAsync(app, "PersonKeys");

            var rotated = (await custodian.PostAsync(
                "mutation { rotateMasterKey { masterKeyId activation rewrap { masterKeyId rewrapped alreadyUnder changedConcurrently } } }")).Ok()["rotateMasterKey"]!;

            var newMaster = rotated["masterKeyId"]!.GetValue<Guid>();
            Assert.NotEqual(oldMaster, newMaster);
            Assert.InRange(rotated["activation"]!.GetValue<DateTimeOffset>(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
            Assert.Equal(
                new JsonObject { ["masterKeyId"] = newMaster.ToString(), ["rewrapped"] = 4, ["alreadyUnder"] = 0, ["changedConcurrently"] = 0 }.ToJsonString(),
                rotated["rewrap"]!.ToJsonString());
            var keys = await KeysAsync(custodian);
            Assert.All(keys["dataKeys"]!.AsArray(), key => Assert.Equal(newMaster, key!["masterKeyId"]!.GetValue<Guid>()));
            Assert.True(keys["masterKeys"]!.AsArray().Single(k => k!["id"]!.GetValue<Guid>() == newMaster)!["default"]!.GetValue<bool>());
            Assert.Equal(profilesDigest, await DatabaseDigest.OfAsync(app, "Profiles"));
            Assert.Equal(personKeysDigest, await DatabaseDigest.OfKeyStoreAsync(app, "PersonKeys"));

            // The same process keeps writing and reading: a new profile under the moved keys, and the old ones.
            var input = Owners.NewInput("rotated");
            signedUpName = (string)input["fullName"]!;
            signedUp = await app.SignUpAsync(input);
            Assert.Equal(profilesBefore.ToJsonString(), (await management.PostAsync(ProfilesQuery)).Ok().ToJsonString());
            Assert.Equal(signedUpName, await FullNameAsync(management, signedUp));

            var revoked = (await custodian.PostAsync(
                "mutation Revoke($id: ID!) { revokeMasterKey(input: { id: $id }) { masterKeyId dataKeysLeftUnreadable } }", new { id = oldMaster })).Ok()["revokeMasterKey"]!;
            Assert.Equal(new JsonObject { ["masterKeyId"] = oldMaster.ToString(), ["dataKeysLeftUnreadable"] = 0 }.ToJsonString(), revoked.ToJsonString());

            var operations = (await custodian.PostAsync("{ keyOperations(first: 10) { totalCount nodes { actorSubject actorRole operation target outcome detail } } }")).Ok()["keyOperations"]!;
            Assert.Equal(3, operations["totalCount"]!.GetValue<int>());
            Assert.Equal(
                [
                    ("keys.revoke-master", "succeeded", $"ring key {oldMaster}", "Revoked; no data key was under it."),
                    ("keys.rewrap-data-keys", "succeeded", $"data keys, ring key {newMaster}", $"Re-wrapped 4 data key(s) under ring key {newMaster}; 0 already under it, 0 changed concurrently."),
                    ("keys.rotate-master", "succeeded", $"ring key {newMaster}", $"Created ring key {newMaster}, active from {rotated["activation"]!.GetValue<DateTimeOffset>():O}."),
                ],
                operations["nodes"]!.AsArray().Select(n => (Text(n, "operation"), Text(n, "outcome"), Text(n, "target"), Text(n, "detail"))).ToList());
            Assert.All(operations["nodes"]!.AsArray(), n => Assert.Equal(("custodian-ops", "keyCustodian"), (Text(n, "actorSubject"), Text(n, "actorRole"))));
        }

        // A fresh gateway reads the ring from disk, the old key revoked: everything opens as before.
        await using var fresh = new CloudjetApplication { DataDirectory = dataDirectory };
        await fresh.InitializeAsync();
        var freshManagement = fresh.Client(fresh.StaffToken(DefaultRole.Management, "management-demo"));
        Assert.Equal(profilesBefore.ToJsonString(), (await freshManagement.PostAsync(ProfilesQuery)).Ok().ToJsonString());
        Assert.Equal(signedUpName, await FullNameAsync(freshManagement, signedUp));
        var valuesAfter = StoredPersonalValues.ByProfile(fresh.Services);
        Assert.All(valuesBefore, profile => Assert.Equal(profile.Value, valuesAfter[profile.Key]));
    }

    [Fact]
    public async Task KeyCustodian_PreStagesMasterKeyOverGraphQL_DataKeysStayUntilActivation()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        var custodian = app.Client(app.StaffToken(DefaultRole.KeyCustodian, "custodian-ops"));
        var oldMaster = (await KeysAsync(custodian))["masterKeys"]!.AsArray().Single()!["id"]!.GetValue<Guid>();

        var staged = (await custodian.PostAsync("mutation { rotateMasterKey(input: { activateInSeconds: 3600 }) { masterKeyId activation rewrap { rewrapped } } }")).Ok()["rotateMasterKey"]!;
        var rewrap = (await custodian.PostAsync("mutation { rewrapDataKeysUnderMasterKey { masterKeyId rewrapped alreadyUnder changedConcurrently } }")).Ok()["rewrapDataKeysUnderMasterKey"]!;

        Assert.Null(staged["rewrap"]);
        Assert.InRange(staged["activation"]!.GetValue<DateTimeOffset>(), DateTimeOffset.UtcNow.AddMinutes(59), DateTimeOffset.UtcNow.AddMinutes(61));
        Assert.Equal(new JsonObject { ["masterKeyId"] = oldMaster.ToString(), ["rewrapped"] = 0, ["alreadyUnder"] = 4, ["changedConcurrently"] = 0 }.ToJsonString(), rewrap.ToJsonString());
        var keys = await KeysAsync(custodian);
        Assert.Equal(2, keys["masterKeys"]!.AsArray().Count);
        Assert.All(keys["dataKeys"]!.AsArray(), key => Assert.Equal(oldMaster, key!["masterKeyId"]!.GetValue<Guid>()));
        Assert.Equal(
            ["keys.rewrap-data-keys", "keys.rotate-master"],
            (await CustodianRecord.ReadAsync(app)).Select(r => r.Operation).Reverse());
    }

    private static async Task<JsonNode> KeysAsync(GraphQLClient custodian) =>
        (await custodian.PostAsync("{ keys { masterKeys { id default } dataKeys { id masterKeyId } } }")).Ok()["keys"]!;

    private static async Task<string?> FullNameAsync(GraphQLClient management, Guid id) =>
        (await management.PostAsync("query One($id: ID!) { profile(id: $id) { fullName } }", new { id })).Ok()["profile"]!["fullName"]!.GetValue<string>();

    private static string Text(JsonNode? node, string field) => node![field]!.GetValue<string>();
}
