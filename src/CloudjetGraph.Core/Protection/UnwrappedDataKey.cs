using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CloudjetGraph.Core.Protection;

/// <summary>A data key's plaintext material, held only in memory.</summary>
/// <param name="Id">The key id written into headers.</param>
/// <param name="Purpose">What the key is for.</param>
/// <param name="Material">The 256-bit key.</param>
/// <param name="IsActive">Whether new values use it.</param>
/// <param name="DevelopmentOnly">Whether it belongs to a development key ring.</param>
internal sealed record UnwrappedDataKey(Guid Id, DataKeyPurpose Purpose, byte[] Material, bool IsActive, bool DevelopmentOnly)
{
    // AesGcm is not thread-safe, and making one per wrap or unwrap costs about as much as the
    // operation: a key job wraps a million person keys under one data key. The instances go with
    // the key when a ring reload drops it.
    private readonly ConcurrentBag<AesGcm> _ciphers = [];

    /// <summary>An AES-GCM instance under this key, to hand back with <see cref="ReturnCipher"/>.</summary>
    public AesGcm RentCipher() => _ciphers.TryTake(out var aes) ? aes : new AesGcm(Material, PersonKey.TagSize);

    /// <summary>Hands back an instance from <see cref="RentCipher"/>.</summary>
    public void ReturnCipher(AesGcm aes) => _ciphers.Add(aes);
}
