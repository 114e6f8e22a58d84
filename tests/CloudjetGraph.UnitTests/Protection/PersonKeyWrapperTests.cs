using System.Text;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.UnitTests.Protection;

public sealed class PersonKeyWrapperTests : IDisposable
{
    private readonly TestKeys _keys = new();

    [Fact]
    public void Create_NewKey_WrapsUnderActiveWrappingKeyInSixtyBytes()
    {
        var profileId = Guid.CreateVersion7();

        var (row, key) = _keys.Wrapper.Create(profileId);

        Assert.Equal(profileId, row.ProfileId);
        Assert.Equal(key.Id, row.Id);
        Assert.Equal(_keys.WrappingKey.Id, row.WrappingKeyId);
        Assert.Equal(12 + 32 + 16, row.WrappedKey.Length);
        Assert.Equal(-1, row.WrappedKey.AsSpan().IndexOf(key.Material));
        Assert.Equal(key.Material.ToArray(), _keys.Wrapper.Unwrap(row).Material.ToArray());
    }

    [Fact]
    public void Create_TwoProfiles_GivesDifferentKeys()
    {
        var first = _keys.Wrapper.Create(Guid.CreateVersion7()).Key;
        var second = _keys.Wrapper.Create(Guid.CreateVersion7()).Key;

        Assert.NotEqual(first.Id, second.Id);
        Assert.NotEqual(first.Material.ToArray(), second.Material.ToArray());
    }

    [Fact]
    public void AssociatedData_Ids_IsPinnedBytes()
    {
        var associatedData = PersonKeyWrapper.AssociatedData(
            new Guid("0193a000-0000-7000-8000-000000000001"), new Guid("0193a000-0000-7000-8000-000000000002"), new Guid("0193a000-0000-7000-8000-000000000003"));

        Assert.Equal(
            "cloudjet/person-key/v1|0193a000000070008000000000000001|0193a000000070008000000000000002|0193a000000070008000000000000003",
            Encoding.UTF8.GetString(associatedData));
    }

    [Fact]
    public void Rewrap_AfterRotation_SameMaterialUnderNewActiveKey()
    {
        var (row, key) = _keys.Wrapper.Create(Guid.CreateVersion7());
        var newWrappingKey = TestKeys.NewKey(DataKeyPurpose.PersonKeyWrapping);
        _keys.Ring.Load([_keys.WrappingKey with { IsActive = false }, newWrappingKey, _keys.IndexKey, _keys.IntegrityKey]);

        var (wrappingKeyId, wrapped) = _keys.Wrapper.Rewrap(row);

        Assert.Equal(newWrappingKey.Id, wrappingKeyId);
        Assert.NotEqual(row.WrappedKey, wrapped);
        var moved = new WrappedPersonKey { Id = row.Id, ProfileId = row.ProfileId, WrappingKeyId = wrappingKeyId, WrappedKey = wrapped, CreatedAt = row.CreatedAt };
        Assert.Equal(key.Material.ToArray(), _keys.Wrapper.Unwrap(moved).Material.ToArray());

        // The new form names its wrapping key: labelled with the old one, it fails.
        var mislabelled = new WrappedPersonKey { Id = row.Id, ProfileId = row.ProfileId, WrappingKeyId = row.WrappingKeyId, WrappedKey = wrapped, CreatedAt = row.CreatedAt };
        Assert.Throws<FieldIntegrityException>(() => _keys.Wrapper.Unwrap(mislabelled));
    }

    [Fact]
    public void Rewrap_RowCopiedToAnotherProfile_ThrowsFieldIntegrityException()
    {
        var (row, _) = _keys.Wrapper.Create(Guid.CreateVersion7());
        var copied = new WrappedPersonKey { Id = row.Id, ProfileId = Guid.CreateVersion7(), WrappingKeyId = row.WrappingKeyId, WrappedKey = row.WrappedKey, CreatedAt = row.CreatedAt };

        Assert.Throws<FieldIntegrityException>(() => _keys.Wrapper.Rewrap(copied));
    }

    [Fact]
    public void Unwrap_RowCopiedToAnotherProfile_ThrowsFieldIntegrityException()
    {
        var (row, _) = _keys.Wrapper.Create(Guid.CreateVersion7());
        var otherProfile = Guid.CreateVersion7();
        var copied = new WrappedPersonKey { Id = row.Id, ProfileId = otherProfile, WrappingKeyId = row.WrappingKeyId, WrappedKey = row.WrappedKey, CreatedAt = row.CreatedAt };

        var exception = Assert.Throws<FieldIntegrityException>(() => _keys.Wrapper.Unwrap(copied));

        Assert.Equal($"The person key of profile {otherProfile} failed its integrity check.", exception.Message);
    }

    [Fact]
    public void Unwrap_RowWithAnotherKeyId_ThrowsFieldIntegrityException()
    {
        var (row, _) = _keys.Wrapper.Create(Guid.CreateVersion7());
        var renamed = new WrappedPersonKey { Id = Guid.CreateVersion7(), ProfileId = row.ProfileId, WrappingKeyId = row.WrappingKeyId, WrappedKey = row.WrappedKey, CreatedAt = row.CreatedAt };

        Assert.Throws<FieldIntegrityException>(() => _keys.Wrapper.Unwrap(renamed));
    }

    [Theory]
    [InlineData(0)] // nonce
    [InlineData(12)] // wrapped key
    [InlineData(59)] // tag
    public void Unwrap_FlippedBit_ThrowsFieldIntegrityException(int offset)
    {
        var (row, _) = _keys.Wrapper.Create(Guid.CreateVersion7());
        row.WrappedKey[offset] ^= 0x01;

        Assert.Throws<FieldIntegrityException>(() => _keys.Wrapper.Unwrap(row));
    }

    [Fact]
    public void Unwrap_WrappingKeyIdNamingBlindIndexKey_ThrowsFieldIntegrityException()
    {
        var (row, _) = _keys.Wrapper.Create(Guid.CreateVersion7());
        row.WrappingKeyId = _keys.IndexKey.Id;

        var exception = Assert.Throws<FieldIntegrityException>(() => _keys.Wrapper.Unwrap(row));

        Assert.Equal($"The person key of profile {row.ProfileId} names a wrapping key that is not available.", exception.Message);
    }

    [Fact]
    public void Unwrap_KeyWrappedUnderRetiredWrappingKey_StillUnwrapsAndNewKeysUseTheActiveOne()
    {
        var (oldRow, oldKey) = _keys.Wrapper.Create(Guid.CreateVersion7());
        var newWrappingKey = TestKeys.NewKey(DataKeyPurpose.PersonKeyWrapping);
        _keys.Ring.Load([_keys.WrappingKey with { IsActive = false }, newWrappingKey, _keys.IndexKey, _keys.IntegrityKey]);

        var (newRow, _) = _keys.Wrapper.Create(Guid.CreateVersion7());

        Assert.Equal(oldKey.Material.ToArray(), _keys.Wrapper.Unwrap(oldRow).Material.ToArray());
        Assert.Equal(newWrappingKey.Id, newRow.WrappingKeyId);
    }

    [Fact]
    public void Create_NoActiveWrappingKey_ThrowsInvalidOperationException()
    {
        _keys.Ring.Load([_keys.WrappingKey with { IsActive = false }, _keys.IndexKey]);

        Assert.Throws<InvalidOperationException>(() => _keys.Wrapper.Create(Guid.CreateVersion7()));
    }

    public void Dispose() => _keys.Dispose();
}
