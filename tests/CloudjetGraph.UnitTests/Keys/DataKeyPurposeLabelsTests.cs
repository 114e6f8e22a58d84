using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Keys;

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
    }
}
