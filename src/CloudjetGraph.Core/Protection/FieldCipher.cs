using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CloudjetGraph.Core.Data;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// Seals and opens personal field values with AES-256-GCM under the data keys of
/// <see cref="DataKeyRing"/>. One AEAD operation per value; no per-call key derivation.
/// </summary>
public sealed class FieldCipher(DataKeyRing ring, ProtectionMetrics metrics) : IDisposable
{
    // AesGcm is not thread-safe, and creating one per call doubles the cost: keep a small pool per key.
    private readonly ConcurrentDictionary<Guid, ConcurrentBag<AesGcm>> _pools = new();

    /// <summary>Seals <paramref name="plaintext"/> for the given row and column under the active key.</summary>
    public byte[] Seal(string plaintext, FieldBinding binding)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var key = ring.Active(DataKeyPurpose.FieldEncryption);
        var plainBytes = Encoding.UTF8.GetBytes(plaintext);
        var sealedValue = new byte[SealedValueFormat.Overhead + plainBytes.Length];
        var span = sealedValue.AsSpan();
        span[0] = SealedValueFormat.CurrentVersion;
        key.Id.TryWriteBytes(span.Slice(1, SealedValueFormat.KeyIdSize));
        var nonce = span.Slice(1 + SealedValueFormat.KeyIdSize, SealedValueFormat.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        var ciphertext = span.Slice(SealedValueFormat.HeaderSize, plainBytes.Length);
        var tag = span[^SealedValueFormat.TagSize..];

        var aes = Rent(key);
        try
        {
            aes.Encrypt(nonce, plainBytes, ciphertext, tag, binding.ToAssociatedData(SealedValueFormat.CurrentVersion));
        }
        finally
        {
            Return(key, aes);
        }

        metrics.Sealed(binding.Column);
        return sealedValue;
    }

    /// <summary>Opens a sealed value that must belong to the given row and column.</summary>
    /// <exception cref="FieldIntegrityException">Tampered, moved, malformed, or its key is unavailable.</exception>
    public string Open(byte[] sealedValue, FieldBinding binding)
    {
        ArgumentNullException.ThrowIfNull(sealedValue);
        var keyId = SealedValueFormat.ReadDataKeyId(sealedValue);
        var key = ring.Get(keyId);
        var span = sealedValue.AsSpan();
        var nonce = span.Slice(1 + SealedValueFormat.KeyIdSize, SealedValueFormat.NonceSize);
        var ciphertext = span[SealedValueFormat.HeaderSize..^SealedValueFormat.TagSize];
        var tag = span[^SealedValueFormat.TagSize..];
        var plainBytes = new byte[ciphertext.Length];
        var aes = Rent(key);
        try
        {
            aes.Decrypt(nonce, ciphertext, tag, plainBytes, binding.ToAssociatedData(sealedValue[0]));
        }
        catch (AuthenticationTagMismatchException exception)
        {
            throw new FieldIntegrityException($"The {binding.Table}.{binding.Column} value of row {binding.RowId} failed its integrity check.", exception);
        }
        finally
        {
            Return(key, aes);
        }

        metrics.Opened(binding.Column);
        return Encoding.UTF8.GetString(plainBytes);
    }

    private AesGcm Rent(UnwrappedDataKey key) =>
        _pools.TryGetValue(key.Id, out var pool) && pool.TryTake(out var pooled)
            ? pooled
            : new AesGcm(key.Material, SealedValueFormat.TagSize);

    private void Return(UnwrappedDataKey key, AesGcm aes) => _pools.GetOrAdd(key.Id, static _ => []).Add(aes);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var aes in _pools.Values.SelectMany(pool => pool))
        {
            aes.Dispose();
        }

        _pools.Clear();
    }
}
