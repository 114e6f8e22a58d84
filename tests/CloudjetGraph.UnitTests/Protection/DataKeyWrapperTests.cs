using System.Globalization;
using CloudjetGraph.Core.Protection;
using Microsoft.AspNetCore.DataProtection;

namespace CloudjetGraph.UnitTests.Protection;

public sealed class DataKeyWrapperTests
{
    private readonly EphemeralDataProtectionProvider _provider = new();

    [Theory]
    [InlineData(DataKeyPurpose.BlindIndex, "BlindIndex")]
    [InlineData(DataKeyPurpose.TokenSigning, "TokenSigning")]
    [InlineData(DataKeyPurpose.RowIntegrity, "RowIntegrity")]
    [InlineData(DataKeyPurpose.PersonKeyWrapping, "PersonKeyWrapping")]
    public void Unwrap_KeyWrappedUnderThePinnedProtectorChain_OpensIt(DataKeyPurpose purpose, string pinnedName)
    {
        var id = Guid.CreateVersion7();
        var material = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

        // Wrapped as stored rings were wrapped, with the literal strings, not through the wrapper.
        var wrapped = _provider.CreateProtector("CloudjetGraph.DataKeys.v1")
            .CreateProtector(id.ToString("N", CultureInfo.InvariantCulture), pinnedName)
            .Protect(material);

        Assert.Equal(material, new DataKeyWrapper(_provider).Unwrap(id, purpose, wrapped));
    }

    [Fact]
    public void Unwrap_KeyOfAnotherPurpose_Throws()
    {
        var wrapper = new DataKeyWrapper(_provider);
        var id = Guid.CreateVersion7();
        var wrapped = wrapper.CreateWrappedKey(id, DataKeyPurpose.BlindIndex);

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => wrapper.Unwrap(id, DataKeyPurpose.TokenSigning, wrapped));
    }

    [Fact]
    public void Rewrap_StoredKey_NewWrappedFormOpensToTheSameMaterial()
    {
        var wrapper = new DataKeyWrapper(_provider);
        var id = Guid.CreateVersion7();
        var wrapped = wrapper.CreateWrappedKey(id, DataKeyPurpose.PersonKeyWrapping);

        var rewrapped = wrapper.Rewrap(id, DataKeyPurpose.PersonKeyWrapping, wrapped);

        Assert.NotEqual(wrapped, rewrapped);
        Assert.Equal(wrapper.Unwrap(id, DataKeyPurpose.PersonKeyWrapping, wrapped), wrapper.Unwrap(id, DataKeyPurpose.PersonKeyWrapping, rewrapped));
    }

    [Fact]
    public void Rewrap_KeyCopiedFromAnotherRow_Throws()
    {
        var wrapper = new DataKeyWrapper(_provider);
        var wrapped = wrapper.CreateWrappedKey(Guid.CreateVersion7(), DataKeyPurpose.PersonKeyWrapping);

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => wrapper.Rewrap(Guid.CreateVersion7(), DataKeyPurpose.PersonKeyWrapping, wrapped));
    }
}
