using System.Security.Cryptography;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.KeyStore;

/// <summary>
/// Seals and opens a fixed, non-personal canary through the whole key hierarchy, from storage:
/// the active person-key wrapping data key is read from the database and unwrapped by the Data
/// Protection ring, a random person key is wrapped under it and unwrapped again, and the canary is
/// sealed and opened with <see cref="FieldCipher"/> under that person key.
/// </summary>
/// <remarks>
/// Why from storage rather than with the keys already in memory (or a dedicated in-memory key): the
/// loaded keys keep working after the ring, the stored data key or the certificate has gone bad,
/// until the next restart or ring reload fails. The canary fails as soon as that is true, while
/// this instance could still hide it. It also fails when the stored active key is not the one this
/// process loaded (another instance rotated it): this process could not open person keys wrapped
/// under it. Nothing is written: the person key and the canary exist only in this call.
/// </remarks>
public sealed class KeyHierarchyCanary(
    CloudjetDbContext db,
    DataKeyWrapper dataKeyWrapper,
    DataKeyRing ring,
    FieldCipher cipher,
    TimeProvider time)
{
    // Fixed and non-personal; the binding names no stored table, so the canary can never be
    // mistaken for, or copied onto, a real value. Openings of it are counted under column "canary".
    private const string CanaryValue = "cloudjet-health-canary";
    private static readonly Guid CanaryRowId = new("00000000-0000-0000-0000-00000000ca9a");
    private static readonly FieldBinding CanaryBinding = new("health", "canary", CanaryRowId);

    /// <summary>Runs the canary: null when it went through, otherwise what failed, in one sentence.</summary>
    public async Task<string?> FailureAsync(CancellationToken cancellationToken)
    {
        var stored = await db.DataKeys.AsNoTracking()
            .Where(k => k.Purpose == DataKeyPurpose.PersonKeyWrapping && k.IsActive)
            .ToListAsync(cancellationToken);
        if (stored is not [var row])
        {
            return "There is not exactly one active person-key wrapping data key.";
        }

        byte[] material;
        try
        {
            material = dataKeyWrapper.Unwrap(row.Id, row.Purpose, row.WrappedKey);
        }
        catch (CryptographicException)
        {
            return "The active person-key wrapping data key does not unwrap with the key ring.";
        }

        try
        {
            if (!ring.TryGet(row.Id, out var loaded) || !CryptographicOperations.FixedTimeEquals(loaded.Material, material))
            {
                return "The stored active person-key wrapping data key is not the one this process loaded.";
            }

            return RoundTrip(row, material) ? null : "The canary opened to another value.";
        }
        catch (FieldIntegrityException)
        {
            return "The canary's person key or value failed its integrity check.";
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    private bool RoundTrip(DataKey row, byte[] material)
    {
        // A ring of the freshly unwrapped key alone, so the person key is wrapped by what storage holds.
        var storedRing = new DataKeyRing();
        storedRing.Load([new UnwrappedDataKey(row.Id, row.Purpose, material, row.IsActive, row.DevelopmentOnly)]);
        var personKeys = new PersonKeyWrapper(storedRing, time);
        var (wrapped, created) = personKeys.Create(CanaryRowId);
        using var personKey = created;
        var sealedCanary = cipher.Seal(CanaryValue, personKey, CanaryBinding);
        using var unwrapped = personKeys.Unwrap(wrapped);
        return cipher.Open(sealedCanary, unwrapped, CanaryBinding) == CanaryValue;
    }
}
