using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Seeding;
using CloudjetGraph.IntegrationTests.Cli;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Keys;

/// <summary>
/// A rekey and erasures of the same people, overlapping: no erased person may keep a row, a person
/// key or an index entry, whatever the order. Before, a rekey that had read a profile inserted its
/// new key after the erasure shredded the old one: a key row with no profile, which no API removed.
/// </summary>
[ProviderSensitive("a rekey racing erasures")]
public sealed class RekeyErasureRaceTests
{
    private const string EraseProfile = "mutation($id: ID!, $ref: String) { eraseProfile(id: $id, requestReference: $ref) { erasedProfiles } }";
    private const int Erasures = 100;

    [Fact]
    public async Task Custodian_RekeysAllWhileManagementErases100_NoErasedPersonLeftAndTheCensusAddsUp()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.SettingsOf(host);
        var erased = host.WithDb(db => db.Profiles.OrderBy(p => p.Id).Select(p => p.Id).ToList()).Where((_, i) => i % 2 == 0).Take(Erasures).ToList();
        var staff = host.Client(host.StaffToken(DefaultRole.Management, "management-demo"));

        // Rekeys of every profile, one large batch each, again and again until the erasures are done.
        using var erasing = new CancellationTokenSource();
        var rekeys = Task.Run(async () =>
        {
            var runs = 0;
            do
            {
                var (exitCode, _, error) = await Custodian.KeysAsync(settings, "rekey", "--all", "--restart", "--batch", "500");
                Assert.True(exitCode == 0, error);
                runs++;
            }
            while (!erasing.IsCancellationRequested);
            return runs;
        });
        await Parallel.ForEachAsync(erased, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, _) =>
        {
            var response = await staff.PostAsync(EraseProfile, new { id, @ref = "race" });
            Assert.Equal(1, response.Ok()["eraseProfile"]!["erasedProfiles"]!.GetValue<int>());
        });
        await erasing.CancelAsync();
        Assert.True(await rekeys > 0);

        var keyRows = host.WithKeyStore(ks => ks.PersonKeys.Select(k => k.ProfileId).ToList());
        Assert.Empty(keyRows.Intersect(erased));
        Assert.Empty(host.WithDb(db => db.Profiles.Where(p => erased.Contains(p.Id)).Select(p => p.Id).ToList()));
        Assert.Empty(PersonKeyAudit.Problems(host));

        // The census adds up: one person key per remaining profile, every value attributed.
        var census = await Custodian.ListAsync(settings);
        Assert.Equal(DemoDataSeeder.ProfileCount - Erasures, CensusJson.DataKeys(census).Sum(key => key["census"]!["personKeys"]!.GetValue<long>()));
        Assert.Equal(0, census["unattributed"]!["sealedValues"]!.AsObject().Sum(count => count.Value!.GetValue<long>()));
        Assert.Equal(DemoDataSeeder.ProfileCount - Erasures, (await ProfileValues.ReadAsync(host.Services)).Count);
    }
}
