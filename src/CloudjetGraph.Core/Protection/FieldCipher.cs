using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// Seals and opens personal field values with AES-256-GCM under the person key of their profile
/// (format version 2, see <see cref="SealedValueFormat"/>). One AEAD operation per value.
/// </summary>
public sealed class FieldCipher(ProtectionMetrics metrics) : IFieldCipher
{
    // Personal values are short (names, addresses, phone numbers); longer ones take a pooled array.
    private const int MaxPlaintextOnStack = 512;

    /// <summary>Seals <paramref name="plaintext"/> for the given row and column under <paramref name="key"/>.</summary>
    internal byte[] Seal(string plaintext, PersonKey key, FieldBinding binding)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(key);
        var plainBytes = Encoding.UTF8.GetBytes(plaintext);
        var sealedValue = new byte[SealedValueFormat.Overhead + plainBytes.Length];
        var span = sealedValue.AsSpan();
        span[0] = SealedValueFormat.CurrentVersion;
        key.Id.TryWriteBytes(span.Slice(1, SealedValueFormat.KeyIdSize));
        var nonce = span.Slice(1 + SealedValueFormat.KeyIdSize, SealedValueFormat.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        var ciphertext = span.Slice(SealedValueFormat.HeaderSize, plainBytes.Length);
        var tag = span[^SealedValueFormat.TagSize..];

        var aes = key.Rent();
        try
        {
            aes.Encrypt(nonce, plainBytes, ciphertext, tag, binding.ToAssociatedData(SealedValueFormat.CurrentVersion));
        }
        finally
        {
            key.Return(aes);
        }

        metrics.Sealed(binding.Column);
        return sealedValue;
    }

    /// <summary>Opens a sealed value that must belong to the given row and column and be sealed under <paramref name="key"/>.</summary>
    /// <exception cref="FieldIntegrityException">Tampered, moved, malformed, of the retired format, or sealed under another key.</exception>
    internal string Open(byte[] sealedValue, PersonKey key, FieldBinding binding)
    {
        ArgumentNullException.ThrowIfNull(sealedValue);
        ArgumentNullException.ThrowIfNull(key);
        if (SealedValueFormat.ReadVersion(sealedValue) != SealedValueFormat.CurrentVersion)
        {
            throw new FieldIntegrityException("The stored value has the retired format 1 (development data from before person keys).");
        }

        if (SealedValueFormat.ReadKeyId(sealedValue) != key.Id)
        {
            throw new FieldIntegrityException($"The {binding.Table}.{binding.Column} value of row {binding.RowId} is not sealed under the row's person key.");
        }

        var span = sealedValue.AsSpan();
        var nonce = span.Slice(1 + SealedValueFormat.KeyIdSize, SealedValueFormat.NonceSize);
        var ciphertext = span[SealedValueFormat.HeaderSize..^SealedValueFormat.TagSize];
        var tag = span[^SealedValueFormat.TagSize..];

        // Opened on every field of every page: the associated data and the plaintext bytes live on
        // the stack (or in a pooled array for a long value), so only the returned string is garbage.
        Span<byte> associatedDataBuffer = stackalloc byte[FieldBinding.MaxAssociatedDataOnStack];
        ReadOnlySpan<byte> associatedData = binding.TryWriteAssociatedData(SealedValueFormat.CurrentVersion, associatedDataBuffer, out var written)
            ? associatedDataBuffer[..written]
            : binding.ToAssociatedData(SealedValueFormat.CurrentVersion);
        byte[]? rented = null;
        var plainBytes = ciphertext.Length <= MaxPlaintextOnStack
            ? stackalloc byte[MaxPlaintextOnStack]
            : rented = ArrayPool<byte>.Shared.Rent(ciphertext.Length);
        plainBytes = plainBytes[..ciphertext.Length];
        var aes = key.Rent();
        try
        {
            aes.Decrypt(nonce, ciphertext, tag, plainBytes, associatedData);
            metrics.Opened(binding.Column);
            return Encoding.UTF8.GetString(plainBytes);
        }
        catch (AuthenticationTagMismatchException exception)
        {
            throw new FieldIntegrityException($"The {binding.Table}.{binding.Column} value of row {binding.RowId} failed its integrity check.", exception);
        }
        finally
        {
            key.Return(aes);

            // Plaintext must not outlive the call in a buffer that someone else gets next.
            CryptographicOperations.ZeroMemory(plainBytes);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // Explicit: an interface member that is not public cannot be implemented implicitly.
    byte[] IFieldCipher.Seal(string plaintext, PersonKey key, FieldBinding binding) => Seal(plaintext, key, binding);

    string IFieldCipher.Open(byte[] sealedValue, PersonKey key, FieldBinding binding) => Open(sealedValue, key, binding);
}
