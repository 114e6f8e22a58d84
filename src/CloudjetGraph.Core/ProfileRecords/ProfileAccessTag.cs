using System.Security.Cryptography;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Core.ProfileRecords;

/// <summary>
/// Binds the columns of a profile that decide access (id, organisation, password hash, consent, restriction) to
/// each other with an HMAC-SHA256 under the RowIntegrity data key. Someone who can write the
/// database but holds no key cannot move a password hash or an organisation id to another row, or
/// edit consent or lift a restriction, without the row failing its check.
/// </summary>
public sealed partial class ProfileAccessTag(DataKeyRing ring, ILogger<ProfileAccessTag> logger)
{
    /// <summary>Writes the tag of the profile's current access columns under the active key; call it before every save that changes them.</summary>
    /// <exception cref="InvalidOperationException">No RowIntegrity key is loaded.</exception>
    public void Stamp(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var key = ring.Active(DataKeyPurpose.RowIntegrity);
        var tag = new byte[AccessTagFormat.Size];
        tag[0] = AccessTagFormat.CurrentVersion;
        key.Id.TryWriteBytes(tag.AsSpan(1, AccessTagFormat.KeyIdSize));
        HMACSHA256.HashData(key.Material, AccessTagFormat.Encode(AccessTagFormat.CurrentVersion, key.Id, profile), tag.AsSpan(AccessTagFormat.MacOffset));
        profile.AccessTag = tag;
        profile.AccessVerified = true;
    }

    /// <summary>
    /// Verifies the stored tag, records the outcome in <see cref="Profile.AccessVerified"/> and logs a
    /// failure with the profile id only. A missing, malformed or foreign tag fails like a wrong one.
    /// </summary>
    public bool Check(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.AccessVerified = Verify(profile);
        if (!profile.AccessVerified)
        {
            LogAccessTagFailed(logger, profile.Id);
        }

        return profile.AccessVerified;
    }

    private bool Verify(Profile profile)
    {
        if (profile.AccessTag is not { Length: AccessTagFormat.Size } tag || tag[0] != AccessTagFormat.CurrentVersion)
        {
            return false;
        }

        var keyId = new Guid(tag.AsSpan(1, AccessTagFormat.KeyIdSize));
        if (!ring.TryGet(keyId, out var key) || key.Purpose != DataKeyPurpose.RowIntegrity)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(key.Material, AccessTagFormat.Encode(tag[0], keyId, profile));
        return CryptographicOperations.FixedTimeEquals(expected, tag.AsSpan(AccessTagFormat.MacOffset));
    }

    [LoggerMessage(EventId = 1004, EventName = "AccessTagFailed", Level = LogLevel.Warning, Message = "Profile {ProfileId} failed its access tag check and was refused.")]
    private static partial void LogAccessTagFailed(ILogger logger, Guid profileId);
}
