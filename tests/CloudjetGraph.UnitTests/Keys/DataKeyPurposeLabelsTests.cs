using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Keys;
using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.UnitTests.Keys;

/// <summary>Pins the purpose names custodians' scripts match on: renaming an enum member must not change them.</summary>
public sealed class DataKeyPurposeLabelsTests
{
    [Theory]
    [InlineData(DataKeyPurpose.PersonKeyWrapping, "person-keys")]
    [InlineData(DataKeyPurpose.BlindIndex, "blind-index")]
    [InlineData(DataKeyPurpose.TokenSigning, "token-signing")]
    [InlineData(DataKeyPurpose.RowIntegrity, "row-integrity")]
    public void Of_EachPurpose_GivesItsPinnedName(DataKeyPurpose purpose, string name)
    {
        Assert.Equal(name, DataKeyPurposeLabels.Of(purpose));
    }

    [Fact]
    public void Of_EveryDefinedPurpose_HasADistinctName()
    {
        var names = Enum.GetValues<DataKeyPurpose>().Select(DataKeyPurposeLabels.Of).ToList();

        Assert.Equal(4, names.Count);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Of_UndefinedPurpose_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DataKeyPurposeLabels.Of((DataKeyPurpose)99));
    }

    [Fact]
    public void States_EachState_HasItsPinnedName()
    {
        Assert.Equal("active", DataKeyStates.Active);
        Assert.Equal("decrypt-only", DataKeyStates.DecryptOnly);
        Assert.Equal("destroyed", DataKeyStates.Destroyed);
    }

    [Fact]
    public void TryParse_EveryPurposeLabel_GivesItsPurposeBack()
    {
        foreach (var purpose in Enum.GetValues<DataKeyPurpose>())
        {
            Assert.True(DataKeyPurposeLabels.TryParse(DataKeyPurposeLabels.Of(purpose), out var parsed));
            Assert.Equal(purpose, parsed);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Person-Keys")]
    [InlineData("PersonKeyWrapping")]
    [InlineData("5")]
    public void TryParse_NotALabel_Fails(string? label)
    {
        Assert.False(DataKeyPurposeLabels.TryParse(label, out _));
    }

    [Theory]
    [InlineData(true, null, "active")]
    [InlineData(false, null, "decrypt-only")]
    [InlineData(false, "2026-11-25T12:00:00Z", "destroyed")]
    public void StatesOf_StoredKey_FollowsActiveAndDestroyed(bool isActive, string? destroyedAt, string state)
    {
        var key = new DataKey
        {
            Id = Guid.NewGuid(),
            Purpose = DataKeyPurpose.TokenSigning,
            WrappedKey = [],
            IsActive = isActive,
            DevelopmentOnly = false,
            CreatedAt = DateTimeOffset.UnixEpoch,
            DestroyedAt = destroyedAt is null ? null : DateTimeOffset.Parse(destroyedAt, System.Globalization.CultureInfo.InvariantCulture),
        };

        Assert.Equal(state, DataKeyStates.Of(key));
    }
}
