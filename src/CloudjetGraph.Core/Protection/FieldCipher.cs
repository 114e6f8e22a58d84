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
        Span<byte> associatedDataBuffer = stackalloc byte[FieldBinding.MaxAssociatedDataOnStack];
        return Sealed(Encoding.UTF8.GetBytes(plaintext), AssociatedData(binding, associatedDataBuffer), key, binding);
    }

    /// <summary>Opens a sealed value that must belong to the given row and column and be sealed under <paramref name="key"/>.</summary>
    /// <exception cref="FieldIntegrityException">Tampered, moved, malformed, of the retired format, or sealed under another key.</exception>
    internal string Open(byte[] sealedValue, PersonKey key, FieldBinding binding) =>
        Opened(sealedValue, key, binding, static (plaintext, _) => Encoding.UTF8.GetString(plaintext));

    /// <summary>
    /// Opens a sealed value under <paramref name="oldKey"/> and seals its bytes for the same row and
    /// column under <paramref name="newKey"/>, never decoding them into a string: the rekey re-seals
    /// every value of a million profiles.
    /// </summary>
    /// <exception cref="FieldIntegrityException">As <see cref="Open"/>.</exception>
    internal byte[] Reseal(byte[] sealedValue, PersonKey oldKey, PersonKey newKey, FieldBinding binding)
    {
        ArgumentNullException.ThrowIfNull(newKey);
        return Opened(sealedValue, oldKey, binding, (plaintext, associatedData) => Sealed(plaintext, associatedData, newKey, binding));
    }

    private delegate T PlaintextUse<out T>(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData);

    private byte[] Sealed(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData, PersonKey key, FieldBinding binding)
    {
        var sealedValue = new byte[SealedValueFormat.Overhead + plaintext.Length];
        var span = sealedValue.AsSpan();
        span[0] = SealedValueFormat.CurrentVersion;
        key.Id.TryWriteBytes(span.Slice(1, SealedValueFormat.KeyIdSize));
        var nonce = span.Slice(1 + SealedValueFormat.KeyIdSize, SealedValueFormat.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        var ciphertext = span.Slice(SealedValueFormat.HeaderSize, plaintext.Length);
        var tag = span[^SealedValueFormat.TagSize..];

        var aes = key.Rent();
        try
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag, associatedData);
        }
        finally
        {
            key.Return(aes);
        }

        metrics.Sealed(binding.Column);
        return sealedValue;
    }

    private T Opened<T>(byte[] sealedValue, PersonKey key, FieldBinding binding, PlaintextUse<T> use)
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
        // the stack (or in a pooled array for a long value), so only what the use makes is garbage.
        Span<byte> associatedDataBuffer = stackalloc byte[FieldBinding.MaxAssociatedDataOnStack];
        var associatedData = AssociatedData(binding, associatedDataBuffer);
        byte[]? rented = null;
        var plainBytes = ciphertext.Length <= MaxPlaintextOnStack
            ? stackalloc byte[MaxPlaintextOnStack]
            : rented = ArrayPool<byte>.Shared.Rent(ciphertext.Length);
        plainBytes = plainBytes[..ciphertext.Length];
        try
        {
            var aes = key.Rent();
            try
            {
                aes.Decrypt(nonce, ciphertext, tag, plainBytes, associatedData);
            }
            catch (AuthenticationTagMismatchException exception)
            {
                throw new FieldIntegrityException($"The {binding.Table}.{binding.Column} value of row {binding.RowId} failed its integrity check.", exception);
            }
            finally
            {
                key.Return(aes);
            }

            metrics.Opened(binding.Column);
            return use(plainBytes, associatedData);
        }
        finally
        {
            // Plaintext must not outlive the call in a buffer that someone else gets next.
            CryptographicOperations.ZeroMemory(plainBytes);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static ReadOnlySpan<byte> AssociatedData(FieldBinding binding, Span<byte> buffer) =>
        binding.TryWriteAssociatedData(SealedValueFormat.CurrentVersion, buffer, out var written)
            ? buffer[..written]
            : binding.ToAssociatedData(SealedValueFormat.CurrentVersion);

    // Explicit: an interface member that is not public cannot be implemented implicitly.
    byte[] IFieldCipher.Seal(string plaintext, PersonKey key, FieldBinding binding) => Seal(plaintext, key, binding);

    string IFieldCipher.Open(byte[] sealedValue, PersonKey key, FieldBinding binding) => Open(sealedValue, key, binding);

    byte[] IFieldCipher.Reseal(byte[] sealedValue, PersonKey oldKey, PersonKey newKey, FieldBinding binding) => Reseal(sealedValue, oldKey, newKey, binding);
}
