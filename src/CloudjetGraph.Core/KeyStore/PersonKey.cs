using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CloudjetGraph.Core.KeyStore;

/// <summary>
/// A profile's unwrapped 256-bit person key, held only in memory (in <see cref="PersonKeyCache"/>).
/// It carries its own small pool of AES-GCM instances, so the pool goes when the key leaves the cache.
/// </summary>
public sealed class PersonKey
{
    /// <summary>AES-GCM tag length, in bytes.</summary>
    internal const int TagSize = 16;

    private readonly byte[] _material;

    // AesGcm is not thread-safe, and making one per call doubles the cost of opening a value.
    private readonly ConcurrentBag<AesGcm> _pool = [];

    internal PersonKey(Guid id, Guid profileId, byte[] material)
    {
        Id = id;
        ProfileId = profileId;
        _material = material;
    }

    /// <summary>The person key id that value headers name.</summary>
    public Guid Id { get; }

    /// <summary>The profile the key belongs to.</summary>
    public Guid ProfileId { get; }

    internal ReadOnlySpan<byte> Material => _material;

    internal AesGcm Rent() => _pool.TryTake(out var aes) ? aes : new AesGcm(_material, TagSize);

    internal void Return(AesGcm aes) => _pool.Add(aes);
}
