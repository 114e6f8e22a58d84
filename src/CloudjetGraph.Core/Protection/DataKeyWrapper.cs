using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// Wraps and unwraps data keys with the Data Protection key ring, the root of trust. Each wrapped
/// key is bound to its own id and purpose, so a wrapped key copied to another row fails to unwrap.
/// </summary>
public sealed class DataKeyWrapper(IDataProtectionProvider provider)
{
    // Changing this purpose, or a name in DataKeyPurposeNames, would make stored data keys unreadable.
    private readonly IDataProtector _protector = provider.CreateProtector("CloudjetGraph.DataKeys.v1");

    /// <summary>Makes a new random 256-bit key for data key <paramref name="id"/> and returns only its wrapped form.</summary>
    public byte[] CreateWrappedKey(Guid id, DataKeyPurpose purpose)
    {
        var material = RandomNumberGenerator.GetBytes(32);
        try
        {
            return For(id, purpose).Protect(material);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    /// <summary>Unwraps the stored data key <paramref name="id"/>.</summary>
    /// <exception cref="CryptographicException">The key ring cannot open it, or it belongs to another data key.</exception>
    public byte[] Unwrap(Guid id, DataKeyPurpose purpose, byte[] wrapped) => For(id, purpose).Unprotect(wrapped);

    /// <summary>
    /// Unwraps data key <paramref name="id"/> and wraps the same material again under the ring's
    /// current default key, so a ring key can be retired without changing any value it protects.
    /// </summary>
    /// <exception cref="CryptographicException">The key ring cannot open it, or it belongs to another data key.</exception>
    public byte[] Rewrap(Guid id, DataKeyPurpose purpose, byte[] wrapped)
    {
        var material = Unwrap(id, purpose, wrapped);
        try
        {
            return For(id, purpose).Protect(material);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    /// <summary>
    /// The ring key this process protects new payloads with now, read from the header of a payload
    /// of nothing under a purpose of its own; its cached ring may lag behind the ring on disk.
    /// </summary>
    public Guid? CurrentRingKeyId() =>
        DataProtectionPayload.TryReadKeyId(_protector.CreateProtector("ring-key-probe").Protect(Array.Empty<byte>()), out var id) ? id : null;

    private IDataProtector For(Guid id, DataKeyPurpose purpose) =>
        _protector.CreateProtector(id.ToString("N", CultureInfo.InvariantCulture), DataKeyPurposeNames.Of(purpose));
}
