using System.Text;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudjetGraph.UnitTests.Protection;

/// <summary>
/// Pins the stored format. The expected tags were computed outside .NET (Python's hmac module)
/// from the format as docs/encryption.md describes it, so a change here breaks every stored tag.
/// </summary>
public sealed class AccessTagFormatTests
{
    private static readonly Guid KeyId = new("0193a000-0000-7000-8000-0000000000a1");

    [Fact]
    public void Stamp_KnownKeyAndFullProfile_GivesPinnedTag()
    {
        var profile = new Profile
        {
            Id = new Guid("0193a000-0000-7000-8000-000000000101"),
            OrganizationId = new Guid("0193a000-0000-7000-8000-000000000001"),
            PasswordHash = Encoding.UTF8.GetBytes("AQAAAAIAAYagAAAAEKnownAnswerHash=="),
            ConsentAcceptedAt = new DateTimeOffset(2019, 4, 22, 8, 30, 0, TimeSpan.FromHours(7)).AddTicks(1234567),
            ConsentPolicyVersion = "2019-04-22",
            ConsentWithdrawnAt = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
            CreatedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch,
        };

        KnownKeyTag().Stamp(profile);

        Assert.Equal(
            "0100a093010000007080000000000000a1754a1fe184fc2bcfead1a940fa69e8cd625b6e4b6057de30b4a2d2b7e473ea7b",
            Convert.ToHexStringLower(profile.AccessTag!));
    }

    [Fact]
    public void Stamp_KnownKeyAndProfileWithoutPasswordOrWithdrawal_GivesPinnedTag()
    {
        var profile = MinimalProfile();

        KnownKeyTag().Stamp(profile);

        Assert.Equal(
            "0100a093010000007080000000000000a16080a817b4eb8dbb68e4d5bb433fe57f6b4788245c36b2840b8c1b4920c6d67e",
            Convert.ToHexStringLower(profile.AccessTag!));
    }

    [Fact]
    public void Encode_MinimalProfile_IsLengthPrefixedFieldsUnderFixedNames()
    {
        var profile = MinimalProfile();

        var expected = Concat(
            Prefixed("cloudjet/profile-access-tag"u8),
            [1],
            KeyId.ToByteArray(),
            Field("id", profile.Id.ToByteArray()),
            Field("organizationId", profile.OrganizationId.ToByteArray()),
            Field("passwordHash", null),
            Field("consentAcceptedAt", Convert.FromHexString("0005871326490000")),
            Field("consentPolicyVersion", "2019-04-22"u8.ToArray()),
            Field("consentWithdrawnAt", null));

        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(AccessTagFormat.Encode(1, KeyId, profile)));
    }

    [Fact]
    public void Size_IsVersionKeyIdAndHmac()
    {
        Assert.Equal(1, AccessTagFormat.CurrentVersion);
        Assert.Equal(1 + 16 + 32, AccessTagFormat.Size);
    }

    private static ProfileAccessTag KnownKeyTag()
    {
        var ring = new DataKeyRing();
        ring.Load([new UnwrappedDataKey(KeyId, DataKeyPurpose.RowIntegrity, [.. Enumerable.Range(0, 32).Select(i => (byte)i)], IsActive: true, DevelopmentOnly: true)]);
        return new ProfileAccessTag(ring, NullLogger<ProfileAccessTag>.Instance);
    }

    private static Profile MinimalProfile() => new()
    {
        Id = new Guid("0193a000-0000-7000-8000-000000000102"),
        OrganizationId = new Guid("0193a000-0000-7000-8000-000000000002"),
        ConsentAcceptedAt = new DateTimeOffset(2019, 4, 22, 0, 0, 0, TimeSpan.Zero),
        ConsentPolicyVersion = "2019-04-22",
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    private static byte[] Field(string name, byte[]? value) =>
        Concat(Prefixed(Encoding.UTF8.GetBytes(name)), value is null ? [0] : Concat([1], Prefixed(value)));

    private static byte[] Prefixed(ReadOnlySpan<byte> bytes) =>
        Concat([0, 0, (byte)(bytes.Length >> 8), (byte)bytes.Length], bytes.ToArray());

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(part => part)];

    [Fact]
    public void TryReadKeyId_StampedTagHeader_ReturnsTheStampingKey()
    {
        var tag = new byte[AccessTagFormat.Size];
        tag[0] = AccessTagFormat.CurrentVersion;
        Assert.True(KeyId.TryWriteBytes(tag.AsSpan(1)));

        Assert.True(AccessTagFormat.TryReadKeyId(tag.AsSpan(0, AccessTagFormat.MacOffset), out var read));
        Assert.Equal(KeyId, read);
    }

    [Theory]
    [InlineData(16, 1)]
    [InlineData(17, 2)]
    public void TryReadKeyId_ShortOrUnknownVersion_ReturnsFalse(int length, byte version)
    {
        var header = new byte[length];
        header[0] = version;

        Assert.False(AccessTagFormat.TryReadKeyId(header, out _));
    }
}
