using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.ProfileRecords;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Profiles;

/// <summary>
/// Writes checked changes to a profile that the caller has loaded with tracking and whose access tag
/// verified: the owner's own edits and staff corrections share it, so both seal, re-stamp and
/// compare-and-swap on the version the same way.
/// </summary>
public sealed class ProfileEditor(CloudjetDbContext db, ProfileSealer sealer, PersonKeyStore personKeys, ProfileAccessTag accessTag, TimeProvider time)
{
    /// <summary>Checks every change against its field's rule before anything is loaded or written.</summary>
    /// <exception cref="DomainException">With <see cref="ErrorCodes.Validation"/>, naming the field, never the value.</exception>
    public static void Check(IReadOnlyDictionary<ProfileField, string?> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (field, value) in changes)
        {
            ProfileValueRules.Check(field, value);
        }
    }

    /// <summary>Seals the changes into the profile and saves it, only if nobody changed it since it was read.</summary>
    /// <exception cref="DomainException"><see cref="ErrorCodes.Conflict"/> on a concurrent edit; nothing is written then.</exception>
    public async Task ApplyAsync(Profile profile, IReadOnlyDictionary<ProfileField, string?> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(changes);

        // After the profile row was read: a rekey that moved it since makes the save below fail its version check.
        var personKey = await personKeys.GetForSealingAsync(profile.Id, cancellationToken);
        foreach (var (field, value) in changes)
        {
            sealer.Seal(profile, personKey, field, ProfileValueRules.Normalize(field, value));
        }

        await SaveAsync(profile, cancellationToken);
    }

    /// <summary>
    /// Seals a new password hash into the (tracked) profile and saves it, only if nobody changed
    /// it since it was read. A new password also gets a new security stamp, which ends the
    /// account's older tokens; the same password re-hashed at a higher cost keeps it.
    /// </summary>
    /// <exception cref="DomainException"><see cref="ErrorCodes.Conflict"/> on a concurrent edit; nothing is written then.</exception>
    public async Task ReplacePasswordHashAsync(Profile profile, string hash, bool newPassword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var personKey = await personKeys.GetForSealingAsync(profile.Id, cancellationToken);
        sealer.SealPasswordHash(profile, personKey, hash);
        if (newPassword)
        {
            profile.SecurityStamp = Guid.NewGuid();
        }

        await SaveAsync(profile, cancellationToken);
    }

    private async Task SaveAsync(Profile profile, CancellationToken cancellationToken)
    {
        profile.UpdatedAt = time.GetUtcNow();
        profile.Version++;
        accessTag.Stamp(profile);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new DomainException(ErrorCodes.Conflict, "The profile was changed by another request; reload it and try again.", null, exception);
        }
    }
}
