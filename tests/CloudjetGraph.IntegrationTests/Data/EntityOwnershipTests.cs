using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.KeyStore;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.IntegrationTests.Data;

/// <summary>
/// Each feature configures its own entities; the profile database takes exactly the configurations
/// marked for it, and the key store shares only the pairing with it. Models are built without a database.
/// </summary>
public sealed class EntityOwnershipTests
{
    [Fact]
    public void ProfileDatabaseModel_HoldsExactlyTheMarkedConfigurations()
    {
        using var db = new CloudjetDbContext(new DbContextOptionsBuilder<CloudjetDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.Equal(Names(MarkedEntities()), Names(db.Model.GetEntityTypes().Select(entity => entity.ClrType)));
    }

    [Fact]
    public void ProfileDatabaseEntities_SitWithTheirFeatures_NotInData()
    {
        var inData = MarkedEntities().Where(type => type.Namespace == typeof(CloudjetDbContext).Namespace);

        Assert.Empty(Names(inData));
    }

    [Fact]
    public void KeyStoreModel_SharesOnlyThePairingWithTheProfileDatabase()
    {
        using var keys = new KeyStoreDbContext(new DbContextOptionsBuilder<KeyStoreDbContext>().UseSqlite("Data Source=:memory:").Options);

        var shared = keys.Model.GetEntityTypes().Select(entity => entity.ClrType).Intersect(MarkedEntities());

        Assert.Equal([nameof(StorePairing)], Names(shared));
    }

    // The entity of every configuration in Core that carries the profile database's marker.
    private static List<Type> MarkedEntities() =>
        [.. typeof(CloudjetDbContext).Assembly.GetTypes()
            .Where(type => type.IsClass && !type.IsAbstract && type.IsAssignableTo(typeof(IProfileDatabaseConfiguration)))
            .SelectMany(type => type.GetInterfaces())
            .Where(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
            .Select(contract => contract.GetGenericArguments()[0])];

    private static List<string> Names(IEnumerable<Type> types) => [.. types.Select(type => type.Name).Order(StringComparer.Ordinal)];
}
