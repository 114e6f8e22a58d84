using System.Globalization;
using CloudjetGraph.Core.Keys.Jobs;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.IntegrationTests.Keys;

/// <summary>
/// The largest documented key job batch reaches SQL as statements the database accepts. A rekey
/// batch's last statement names two id lists as long as the batch; written one parameter per id
/// (EF Core 10's default), a batch above about 16,000 profiles broke SQLite's 32,766-parameter limit
/// after the new keys were in, leaving every profile of the batch with two keys.
/// </summary>
[ProviderSensitive("parameter limits and the translation of id lists are each provider's")]
public sealed class LargestBatchTests
{
    [Fact]
    public async Task KeyStore_DeletesByTwoIdListsAsLongAsTheLargestBatch_TheDatabaseRunsIt()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var profiles = NewIds(KeyJobRunner.MaxBatchSize);
        var keep = NewIds(KeyJobRunner.MaxBatchSize);

        // The shape of the rekey's step 3, as a count: nothing matches these random ids.
        var matched = host.WithKeyStore(store => store.PersonKeys.Count(k => profiles.Contains(k.ProfileId) && !keep.Contains(k.Id)));

        Assert.Equal(0, matched);
    }

    [Fact]
    public async Task Custodian_RekeysAtTheLargestBatch_FinishesWithOneKeyPerProfileAndValuesUnchanged()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.SettingsOf(host);
        var before = await ProfileValues.ReadAsync(host.Services);

        var (exitCode, output, error) = await Custodian.KeysAsync(settings, "rekey", "--all", "--batch", KeyJobRunner.MaxBatchSize.ToString(CultureInfo.InvariantCulture));

        Assert.True(exitCode == 0, error + output);
        Assert.Empty(PersonKeyAudit.Problems(host));
        Assert.Equal(before, await ProfileValues.ReadAsync(host.Services));
    }

    [Fact]
    public async Task ProfileDatabase_SelectsByAnIdListAsLongAsTheLargestBatch_TheDatabaseRunsIt()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var ids = NewIds(KeyJobRunner.MaxBatchSize).Append(host.WithDb(db => db.Profiles.Select(p => p.Id).First())).ToList();

        var found = await host.WithDbAsync(db => db.Profiles.CountAsync(p => ids.Contains(p.Id)));

        Assert.Equal(1, found);
    }

    private static List<Guid> NewIds(int count) => [.. Enumerable.Range(0, count).Select(_ => Guid.NewGuid())];
}
