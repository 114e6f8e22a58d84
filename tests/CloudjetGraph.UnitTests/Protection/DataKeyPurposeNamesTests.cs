using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.UnitTests.Protection;

public sealed class DataKeyPurposeNamesTests
{
    // These names are bound into every wrapped data key: a change here orphans stored keys.
    [Theory]
    [InlineData(DataKeyPurpose.BlindIndex, 2, "BlindIndex")]
    [InlineData(DataKeyPurpose.TokenSigning, 3, "TokenSigning")]
    [InlineData(DataKeyPurpose.RowIntegrity, 4, "RowIntegrity")]
    [InlineData(DataKeyPurpose.PersonKeyWrapping, 5, "PersonKeyWrapping")]
    public void Of_EachPurpose_IsPinnedNameAndNumber(DataKeyPurpose purpose, int number, string name)
    {
        Assert.Equal(number, (int)purpose);
        Assert.Equal(name, DataKeyPurposeNames.Of(purpose));
    }

    [Fact]
    public void Of_EveryPurpose_IsPinnedAbove()
    {
        Assert.Equal(4, Enum.GetValues<DataKeyPurpose>().Length);
    }

    [Fact]
    public void Of_RetiredFieldEncryptionNumber_ThrowsArgumentOutOfRangeException()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DataKeyPurposeNames.Of((DataKeyPurpose)1));
    }
}
