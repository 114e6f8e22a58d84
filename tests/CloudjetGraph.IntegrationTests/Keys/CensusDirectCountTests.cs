using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Keys;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Keys;

/// <summary>
/// The census groups sealed values by header in the database and looks their person keys up in
/// the key store batch by batch; over more person keys than one batch it still agrees with counting
/// the rows one by one, including values whose key is gone and a key that names no value.
/// </summary>
[ProviderSensitive("the census groups headers in SQL and streams them against the other database")]
public sealed class CensusDirectCountTests
{
    [Fact]
    public async Task Census_OverMoreKeysThanOneLookup_AgreesWithDirectCount()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        var added = await BulkProfiles.AddAsync(app.Services, Owners.OrganizationId(0), 2_600);
        var keyless = added[1_234];
        await app.ExecuteKeyStoreSqlAsync("DELETE FROM PersonKeys WHERE ProfileId = $profile", ("$profile", keyless));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PersonKeyStore>().CreateAsync([Guid.CreateVersion7()], CancellationToken.None);
        }

        var profiles = await app.WithDbAsync(db => db.Profiles.AsNoTracking().ToListAsync());
        var personKeys = app.WithKeyStore(keyStore => keyStore.PersonKeys.Count());
        var inventory = await ReadCensusAsync(app);

        Assert.Equal(profiles.Where(p => p.Id != keyless).Sum(SealedValues), inventory.DataKeys.Sum(k => k.Census.SealedValues.Values.Sum()));
        Assert.Equal(SealedValues(profiles.Single(p => p.Id == keyless)), inventory.Unattributed.SealedValues.Values.Sum());
        Assert.Equal(personKeys, inventory.DataKeys.Sum(k => k.Census.PersonKeys));
        Assert.Equal(1, inventory.PersonKeysWithoutValues);
        Assert.Equal(profiles.Count, inventory.DataKeys.Sum(k => k.Census.AccessTags));
    }

    private static int SealedValues(Profile profile) =>
        PersonalFieldCatalogue.All.Count(field => field.Column.Get(profile) is not null) + (profile.PasswordHash is null ? 0 : 1);

    private static async Task<KeyInventory> ReadCensusAsync(CloudjetApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KeyCensus>().ReadAsync(CancellationToken.None);
    }
}
