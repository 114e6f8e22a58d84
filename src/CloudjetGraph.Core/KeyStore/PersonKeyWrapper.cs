using System.Security.Cryptography;
using System.Text;
using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.Core.KeyStore;

/// <summary>
/// Makes person keys and wraps them with AES-256-GCM under the active
/// <see cref="DataKeyPurpose.PersonKeyWrapping"/> data key. The associated data names the person key,
/// its profile and the wrapping key, so a wrapped key copied to another row or profile fails to unwrap.
/// </summary>
public sealed class PersonKeyWrapper(DataKeyRing ring, TimeProvider time)
{
    /// <summary>Layout of <see cref="WrappedPersonKey.WrappedKey"/>: <c>nonce (12) | key (32) | tag (16)</c>.</summary>
    internal const int NonceSize = 12;

    internal const int KeySize = 32;

    internal const int WrappedSize = NonceSize + KeySize + PersonKey.TagSize;

    // A fixed string that reaches stored bytes: never rename it.
    internal const string AssociatedDataPrefix = "cloudjet/person-key/v1";

    /// <summary>Makes a random person key for <paramref name="profileId"/>: its stored row and its unwrapped form.</summary>
    /// <exception cref="InvalidOperationException">No active person-key data key is loaded.</exception>
    internal (WrappedPersonKey Row, PersonKey Key) Create(Guid profileId)
    {
        var wrappingKey = ring.Active(DataKeyPurpose.PersonKeyWrapping);
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var material = RandomNumberGenerator.GetBytes(KeySize);
        try
        {
            var wrapped = Wrap(id, profileId, material, wrappingKey);
            var row = new WrappedPersonKey { Id = id, ProfileId = profileId, WrappingKeyId = wrappingKey.Id, WrappedKey = wrapped, CreatedAt = now };
            return (row, new PersonKey(id, profileId, material, () => UnwrapMaterial(row)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    /// <summary>
    /// The same person key wrapped again under the active person-key data key (a rewrap after a
    /// rotation): new nonce, associated data naming the new wrapping key, material unchanged.
    /// </summary>
    /// <returns>The new wrapping key id and wrapped bytes.</returns>
    /// <exception cref="FieldIntegrityException">The row was altered or moved, or its wrapping key is not loaded.</exception>
    /// <exception cref="InvalidOperationException">No active person-key data key is loaded.</exception>
    internal (Guid WrappingKeyId, byte[] WrappedKey) Rewrap(WrappedPersonKey row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var material = UnwrapMaterial(row);
        try
        {
            var wrappingKey = ring.Active(DataKeyPurpose.PersonKeyWrapping);
            return (wrappingKey.Id, Wrap(row.Id, row.ProfileId, material, wrappingKey));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    /// <summary>
    /// Unwraps a stored person key. The caller owns it: the cache disposes what it holds, and a key
    /// that never goes into the cache is disposed by whoever unwrapped it.
    /// </summary>
    /// <exception cref="DataKeyDisabledException">Its wrapping key is disabled.</exception>
    /// <exception cref="FieldIntegrityException">The row was altered or moved, or its wrapping key is not loaded.</exception>
    internal PersonKey Unwrap(WrappedPersonKey row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var material = UnwrapMaterial(row);
        try
        {
            return new PersonKey(row.Id, row.ProfileId, material, () => UnwrapMaterial(row));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    // The caller zeroes the bytes it gets once it has used them.
    private byte[] UnwrapMaterial(WrappedPersonKey row)
    {
        if (!ring.TryGet(row.WrappingKeyId, out var wrappingKey) || wrappingKey.Purpose != DataKeyPurpose.PersonKeyWrapping)
        {
            throw new FieldIntegrityException($"The person key of profile {row.ProfileId} names a wrapping key that is not available.");
        }

        ring.ThrowIfDisabled(row.WrappingKeyId);

        if (row.WrappedKey.Length != WrappedSize)
        {
            throw new FieldIntegrityException($"The person key of profile {row.ProfileId} has an unknown format.");
        }

        var wrapped = row.WrappedKey.AsSpan();
        var material = new byte[KeySize];
        var aes = wrappingKey.RentCipher();
        try
        {
            aes.Decrypt(wrapped[..NonceSize], wrapped.Slice(NonceSize, KeySize), wrapped[(NonceSize + KeySize)..], material, AssociatedData(row.Id, row.ProfileId, row.WrappingKeyId));
        }
        catch (AuthenticationTagMismatchException exception)
        {
            throw new FieldIntegrityException($"The person key of profile {row.ProfileId} failed its integrity check.", exception);
        }
        finally
        {
            wrappingKey.ReturnCipher(aes);
        }

        return material;
    }

    private static byte[] Wrap(Guid id, Guid profileId, ReadOnlySpan<byte> material, UnwrappedDataKey wrappingKey)
    {
        var wrapped = new byte[WrappedSize];
        var nonce = wrapped.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        var aes = wrappingKey.RentCipher();
        try
        {
            aes.Encrypt(nonce, material, wrapped.AsSpan(NonceSize, KeySize), wrapped.AsSpan(NonceSize + KeySize), AssociatedData(id, profileId, wrappingKey.Id));
        }
        finally
        {
            wrappingKey.ReturnCipher(aes);
        }

        return wrapped;
    }

    /// <summary><c>cloudjet/person-key/v1|{person key id}|{profile id}|{wrapping key id}</c>, ids as 32 hex digits.</summary>
    internal static byte[] AssociatedData(Guid personKeyId, Guid profileId, Guid wrappingKeyId) =>
        Encoding.UTF8.GetBytes($"{AssociatedDataPrefix}|{personKeyId:N}|{profileId:N}|{wrappingKeyId:N}");
}
