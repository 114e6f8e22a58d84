using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;
using CloudjetGraph.IntegrationTests.Protection;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Privacy;

/// <summary>
/// A restricted profile's person key is not even fetched for staff: with the key cache empty, staff
/// reads of it by id and as a node run no key store query, while the owner's own read does. Not
/// decrypting is not enough: a key fetched is a key unwrapped and held in memory.
/// </summary>
public sealed class RestrictedKeyFetchTests
{
    private const string StaffRead = "query($id: ID!) { profile(id: $id) { id fullName email phone } }";
    private const string NodeRead = "query($id: ID!) { node(id: $id) { id ... on Profile { jobTitle skype } } }";

    [Fact]
    public async Task Staff_ReadARestrictedProfile_FetchNoPersonKey()
    {
        await using var host = new KeyStoreQueryCountingApplication();
        await host.InitializeAsync();
        var input = Owners.NewInput("restrict-keys");
        var id = await host.SignUpAsync(input);
        var owner = host.Client(await host.LoginAsync((string)input["email"]!));
        (await owner.PostAsync("mutation { restrictProcessing(input: { reason: ACCURACY_CONTESTED }) { profileId } }")).Ok();
        host.Services.GetRequiredService<PersonKeyCache>().Clear();
        host.Queries.Reset();

        var management = await host.Client(host.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(StaffRead, new { id });
        var support = await host.Client(host.StaffToken(DefaultRole.Support, "support-demo")).PostAsync(StaffRead, new { id });
        var node = await host.Client(host.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(NodeRead, new { id });

        Assert.All([management, support, node], response => Assert.Contains("PROCESSING_RESTRICTED", response.Codes));
        Assert.Equal(0, host.Queries.Count);

        // The counter sees a fetch when there is one: the owner's own read, on the same empty cache.
        (await owner.PostAsync("{ me { fullName } }")).Ok();
        Assert.True(host.Queries.Count > 0, "The owner's read fetched no key: the counter sees nothing.");
    }
}
