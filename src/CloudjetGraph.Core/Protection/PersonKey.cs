using System.Security.Cryptography;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// A profile's unwrapped 256-bit person key, held only in memory (in <see cref="KeyStore.PersonKeyCache"/>).
/// It carries its own small pool of AES-GCM instances. Disposing it (the cache does, when the key
/// leaves) zeroes the key bytes and disposes the pool once no seal or open is using them; a caller
/// still holding it afterwards unwraps the key again for each use, so nothing fails and no
/// plaintext key stays behind.
/// </summary>
internal sealed class PersonKey : IDisposable
{
    /// <summary>AES-GCM tag length, in bytes.</summary>
    internal const int TagSize = 16;

    // Pinned, so the GC never leaves a copy of the key bytes behind when it compacts the heap.
    private readonly byte[] _material;
    private readonly Func<byte[]> _unwrapAgain;

    // AesGcm is not thread-safe, and making one per call doubles the cost of opening a value. A
    // locked stack rather than a ConcurrentBag: a rekey makes two person keys per profile, and each
    // ConcurrentBag brings a finalizable ThreadLocal that cost more than the key's seals.
    private readonly Stack<AesGcm> _pool = new(1);

    // One hold for being live (until Dispose) plus one per cipher in use; at 0 the bytes are erased.
    private int _holds = 1;
    private int _live = 1;

    internal PersonKey(Guid id, Guid profileId, ReadOnlySpan<byte> material, Func<byte[]> unwrapAgain)
    {
        Id = id;
        ProfileId = profileId;
        _material = GC.AllocateUninitializedArray<byte>(material.Length, pinned: true);
        material.CopyTo(_material);
        _unwrapAgain = unwrapAgain;
    }

    /// <summary>The person key id that value headers name.</summary>
    public Guid Id { get; }

    /// <summary>The profile the key belongs to.</summary>
    public Guid ProfileId { get; }

    /// <summary>Whether the key bytes were erased: the key was disposed and no use was in flight.</summary>
    internal bool IsErased => Volatile.Read(ref _holds) == 0;

    /// <summary>
    /// The key bytes, for wrapping them again. Valid only until <see cref="Dispose"/>: callers unwrap
    /// a key of their own for this and dispose it after.
    /// </summary>
    internal ReadOnlySpan<byte> Material => _material;

    /// <summary>
    /// An AES-GCM instance under this key, to hand back with <see cref="Return"/>. After the key was
    /// disposed, a one-off instance from the key unwrapped again.
    /// </summary>
    /// <exception cref="Protection.FieldIntegrityException">Disposed, and its wrapping key is now disabled or gone.</exception>
    internal AesGcm Rent()
    {
        if (TryHold())
        {
            lock (_pool)
            {
                if (_pool.TryPop(out var pooled))
                {
                    return pooled;
                }
            }

            return new AesGcm(_material, TagSize);
        }

        var material = _unwrapAgain();
        try
        {
            return new AesGcm(material, TagSize);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    /// <summary>Hands back an instance from <see cref="Rent"/>.</summary>
    internal void Return(AesGcm aes)
    {
        if (IsErased)
        {
            // A one-off instance: the key was erased before it was rented.
            aes.Dispose();
            return;
        }

        lock (_pool)
        {
            _pool.Push(aes);
        }

        Release();
    }

    /// <summary>Erases the key bytes and the pooled instances once no use is in flight; idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _live, 0) == 1)
        {
            Release();
        }
    }

    private bool TryHold()
    {
        var holds = Volatile.Read(ref _holds);
        while (holds > 0)
        {
            var seen = Interlocked.CompareExchange(ref _holds, holds + 1, holds);
            if (seen == holds)
            {
                return true;
            }

            holds = seen;
        }

        return false;
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _holds) == 0)
        {
            CryptographicOperations.ZeroMemory(_material);
            lock (_pool)
            {
                while (_pool.TryPop(out var aes))
                {
                    aes.Dispose();
                }
            }
        }
    }
}
