using System.Text;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudjetGraph.UnitTests.Protection;

public sealed class ProfileAccessTagTests : IDisposable
{
    private readonly TestKeys _keys = new();

    /// <summary>Each covered column, and a change to it that an attacker with write access could make.</summary>
    public static TheoryData<string> CoveredColumns => ["id", "organizationId", "passwordHash", "passwordHashCleared", "consentAcceptedAt", "consentPolicyVersion", "consentWithdrawnAt"];

    [Fact]
    public void Check_StampedProfile_Verifies()
    {
        var profile = NewProfile();
        _keys.AccessTag.Stamp(profile);
        var loaded = Copy(profile);

        Assert.True(_keys.AccessTag.Check(loaded));
        Assert.True(loaded.AccessVerified);
        Assert.Equal(AccessTagFormat.Size, profile.AccessTag!.Length);
    }

    [Theory]
    [MemberData(nameof(CoveredColumns))]
    public void Check_CoveredColumnChanged_Fails(string column)
    {
        var profile = NewProfile();
        _keys.AccessTag.Stamp(profile);

        var tampered = Change(Copy(profile), column);

        Assert.False(_keys.AccessTag.Check(tampered));
        Assert.False(tampered.AccessVerified);
    }

    [Theory]
    [MemberData(nameof(CoveredColumns))]
    public void Stamp_CoveredColumnChanged_GivesDifferentTag(string column)
    {
        var profile = NewProfile();
        _keys.AccessTag.Stamp(profile);
        var changed = Change(Copy(profile), column);

        _keys.AccessTag.Stamp(changed);

        Assert.NotEqual(profile.AccessTag, changed.AccessTag);
    }

    [Fact]
    public void Check_UncoveredColumnsChanged_StillVerifies()
    {
        var profile = NewProfile();
        _keys.AccessTag.Stamp(profile);
        var loaded = Copy(profile);
        loaded.FullName = [1, 2, 3];
        loaded.UpdatedAt = loaded.UpdatedAt.AddDays(1);
        loaded.Version = 42;

        Assert.True(_keys.AccessTag.Check(loaded));
    }

    [Fact]
    public void Check_SameInstantInAnotherOffset_StillVerifies()
    {
        var profile = NewProfile();
        _keys.AccessTag.Stamp(profile);
        var loaded = Copy(profile);
        loaded.ConsentAcceptedAt = loaded.ConsentAcceptedAt.ToOffset(TimeSpan.FromHours(-5));

        Assert.True(_keys.AccessTag.Check(loaded));
    }

    [Fact]
    public void Check_TagCopiedFromAnotherRow_Fails()
    {
        var donor = NewProfile();
        var victim = NewProfile();
        _keys.AccessTag.Stamp(donor);
        _keys.AccessTag.Stamp(victim);

        victim.AccessTag = donor.AccessTag;

        Assert.False(_keys.AccessTag.Check(Copy(victim)));
    }

    [Fact]
    public void Check_TagUnderAnotherRing_Fails()
    {
        using var otherKeys = new TestKeys();
        var profile = NewProfile();
        otherKeys.AccessTag.Stamp(profile);

        Assert.False(_keys.AccessTag.Check(Copy(profile)));
    }

    [Fact]
    public void Check_TagUnderAnotherKeyWithTheSameId_Fails()
    {
        var impostor = TestKeys.NewKey(DataKeyPurpose.RowIntegrity) with { Id = _keys.IntegrityKey.Id };
        var impostorRing = new DataKeyRing();
        impostorRing.Load([impostor]);
        var profile = NewProfile();
        new ProfileAccessTag(impostorRing, NullLogger<ProfileAccessTag>.Instance).Stamp(profile);

        Assert.False(_keys.AccessTag.Check(Copy(profile)));
    }

    [Fact]
    public void Check_TagMadeWithAKeyOfAnotherPurpose_Fails()
    {
        // The blind-index key is loaded and its id is known; a valid HMAC under it must not count.
        var profile = NewProfile();
        var indexKeyRing = new DataKeyRing();
        indexKeyRing.Load([_keys.IndexKey with { Purpose = DataKeyPurpose.RowIntegrity }]);
        new ProfileAccessTag(indexKeyRing, NullLogger<ProfileAccessTag>.Instance).Stamp(profile);

        Assert.False(_keys.AccessTag.Check(Copy(profile)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(48)]
    [InlineData(50)]
    public void Check_MissingOrWrongLengthTag_Fails(int? length)
    {
        var profile = NewProfile();
        _keys.AccessTag.Stamp(profile);
        var loaded = Copy(profile);
        loaded.AccessTag = length is { } n ? [.. profile.AccessTag!.Concat(new byte[2]).Take(n)] : null;

        Assert.False(_keys.AccessTag.Check(loaded));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(0xFF)]
    public void Check_UnknownVersion_Fails(byte version)
    {
        var profile = NewProfile();
        _keys.AccessTag.Stamp(profile);
        var loaded = Copy(profile);
        loaded.AccessTag![0] = version;

        Assert.False(_keys.AccessTag.Check(loaded));
    }

    [Fact]
    public void Check_OneMacBitFlipped_Fails()
    {
        var profile = NewProfile();
        _keys.AccessTag.Stamp(profile);
        var loaded = Copy(profile);
        loaded.AccessTag![^1] ^= 0x01;

        Assert.False(_keys.AccessTag.Check(loaded));
    }

    [Fact]
    public void Stamp_NoRowIntegrityKey_ThrowsInvalidOperationException()
    {
        _keys.Ring.Load([_keys.WrappingKey, _keys.IndexKey]);

        Assert.Throws<InvalidOperationException>(() => _keys.AccessTag.Stamp(NewProfile()));
    }

    [Fact]
    public void Check_TagUnderRetiredKey_StillVerifies()
    {
        var profile = NewProfile();
        _keys.AccessTag.Stamp(profile);
        _keys.Ring.Load([_keys.WrappingKey, _keys.IndexKey, _keys.IntegrityKey with { IsActive = false }, TestKeys.NewKey(DataKeyPurpose.RowIntegrity)]);

        Assert.True(_keys.AccessTag.Check(Copy(profile)));
    }

    public void Dispose() => _keys.Dispose();

    private static Profile NewProfile() => new()
    {
        Id = Guid.CreateVersion7(),
        OrganizationId = Guid.CreateVersion7(),
        PasswordHash = Encoding.UTF8.GetBytes("AQAAAAIAAYagAAAAEHashOfThisProfile=="),
        ConsentAcceptedAt = new DateTimeOffset(2019, 4, 22, 8, 30, 0, TimeSpan.FromHours(7)).AddTicks(1234567),
        ConsentPolicyVersion = "2019-04-22",
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    /// <summary>The profile as a later read would load it: same columns, not yet verified.</summary>
    private static Profile Copy(Profile profile, Guid? id = null) => new()
    {
        Id = id ?? profile.Id,
        OrganizationId = profile.OrganizationId,
        PasswordHash = profile.PasswordHash,
        ConsentAcceptedAt = profile.ConsentAcceptedAt,
        ConsentPolicyVersion = profile.ConsentPolicyVersion,
        ConsentWithdrawnAt = profile.ConsentWithdrawnAt,
        CreatedAt = profile.CreatedAt,
        UpdatedAt = profile.UpdatedAt,
        AccessTag = profile.AccessTag?.ToArray(),
    };

    private static Profile Change(Profile profile, string column)
    {
        switch (column)
        {
            case "id": return Copy(profile, Guid.CreateVersion7());
            case "organizationId": profile.OrganizationId = Guid.CreateVersion7(); break;
            case "passwordHash": profile.PasswordHash = Encoding.UTF8.GetBytes("AQAAAAIAAYagAAAAEHashOfAnotherProfile=="); break;
            case "passwordHashCleared": profile.PasswordHash = null; break;

            // One microsecond: the finest unit the tag covers.
            case "consentAcceptedAt": profile.ConsentAcceptedAt = profile.ConsentAcceptedAt.AddTicks(TimeSpan.TicksPerMicrosecond); break;
            case "consentPolicyVersion": profile.ConsentPolicyVersion = "2000-01-01"; break;
            case "consentWithdrawnAt": profile.ConsentWithdrawnAt = DateTimeOffset.UnixEpoch; break;
            default: throw new ArgumentOutOfRangeException(nameof(column), column, "Not a covered column.");
        }

        return profile;
    }
}
