using CloudjetGraph.Core.Keys;

namespace CloudjetGraph.UnitTests.Keys;

/// <summary>What readiness calls unreadable for good: anything under a destroyed key, and values naming no key.</summary>
public sealed class UnreadableValuesTests
{
    private static readonly DateTimeOffset Created = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly UnattributedValues NoneUnattributed = new(new Dictionary<int, long>(), 0, 0);

    [Fact]
    public void In_EveryValueUnderAnOpeningKey_FindsNothing()
    {
        var inventory = Inventory(NoneUnattributed, Key(DataKeyStates.Active, personKeys: 200), Key(DataKeyStates.DecryptOnly, personKeys: 3));

        Assert.Empty(UnreadableValues.In(inventory));
    }

    [Fact]
    public void In_DestroyedKeyWithNothingUnder_FindsNothing()
    {
        Assert.Empty(UnreadableValues.In(Inventory(NoneUnattributed, Key(DataKeyStates.Destroyed))));
    }

    [Theory]
    [InlineData(5, 0, 0, 0)]
    [InlineData(0, 7, 0, 0)]
    [InlineData(0, 0, 1, 0)]
    [InlineData(0, 0, 0, 2)]
    public void In_AnythingUnderADestroyedKey_NamesTheKeyWithEveryKindCounted(long personKeys, long sealedValues, long indexEntries, long accessTags)
    {
        var destroyed = Key(DataKeyStates.Destroyed, personKeys, sealedValues, indexEntries, accessTags);

        var found = Assert.Single(UnreadableValues.In(Inventory(NoneUnattributed, destroyed, Key(DataKeyStates.Active, personKeys: 9))));

        Assert.Equal(new UnreadableUnder(destroyed.Id, DataKeyStates.Destroyed, personKeys + sealedValues + indexEntries + accessTags), found);
    }

    [Fact]
    public void In_UnattributedValuesOfEveryKind_AddsOneEntryWithoutAKey()
    {
        var unattributed = new UnattributedValues(new Dictionary<int, long> { [2] = 1332, [0] = 1 }, 400, 200);

        var found = Assert.Single(UnreadableValues.In(Inventory(unattributed, Key(DataKeyStates.Active))));

        Assert.Equal(new UnreadableUnder(null, UnreadableValues.Unattributed, 1933), found);
    }

    [Theory]
    [InlineData(DataKeyStates.Disabled)]
    [InlineData(DataKeyStates.ScheduledForDestruction)]
    public void In_ValuesUnderADisabledOrScheduledKey_LeftToTheLiveCheck(string state)
    {
        Assert.Empty(UnreadableValues.In(Inventory(NoneUnattributed, Key(state, personKeys: 200, sealedValues: 1332))));
    }

    private static KeyInventory Inventory(UnattributedValues unattributed, params DataKeyEntry[] keys) => new([], keys, unattributed, PersonKeysWithoutValues: 0);

    private static DataKeyEntry Key(string state, long personKeys = 0, long sealedValues = 0, long indexEntries = 0, long accessTags = 0) =>
        new(Guid.NewGuid(), "person-keys", state, Guid.NewGuid(), Created,
            new DataKeyCensus(sealedValues == 0 ? new Dictionary<int, long>() : new Dictionary<int, long> { [2] = sealedValues }, indexEntries, accessTags, personKeys));
}
