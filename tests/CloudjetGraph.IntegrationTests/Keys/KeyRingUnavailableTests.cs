using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Keys;

/// <summary>
/// A key operation over GraphQL on a ring that can no longer be read answers
/// <c>KEY_RING_UNAVAILABLE</c> and changes nothing, while the gateway keeps serving profiles with
/// the keys it already holds.
/// </summary>
public sealed class KeyRingUnavailableTests
{
    [Fact]
    public async Task KeyCustodian_RevokesMasterKeyWhenRingFileIsCorrupt_GetsKeyRingUnavailableAndNothingChanges()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var custodian = host.Client(host.StaffToken(DefaultRole.KeyCustodian, "custodian-ring"));
        var management = host.Client(host.StaffToken(DefaultRole.Management, "management-demo"));
        var profilesBefore = (await management.PostAsync("{ profiles(first: 5) { nodes { id fullName } } }")).Ok().ToJsonString();

        // A file in the ring folder that is not a key: Data Protection cannot read the ring any more.
        await File.WriteAllTextAsync(Path.Combine(host.KeyRingPath, "key-00000000-0000-0000-0000-000000000001.xml"), "<key id=");
        var ringFiles = Directory.GetFiles(host.KeyRingPath).Order().ToList();
        var database = await DatabaseDigest.OfAsync(host, "DataKeys");

        var response = await custodian.PostAsync(
            "mutation Revoke($id: ID!) { revokeMasterKey(input: { id: $id }) { masterKeyId } }", new { id = Guid.NewGuid() });

        Assert.Equal(["KEY_RING_UNAVAILABLE"], response.Codes);
        Assert.Equal(ringFiles, Directory.GetFiles(host.KeyRingPath).Order().ToList());
        Assert.Equal(database, await DatabaseDigest.OfAsync(host, "DataKeys"));
        Assert.Equal(profilesBefore, (await management.PostAsync("{ profiles(first: 5) { nodes { id fullName } } }")).Ok().ToJsonString());
    }
}
