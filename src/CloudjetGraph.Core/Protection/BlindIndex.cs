using System.Security.Cryptography;
using System.Text;
using CloudjetGraph.Core.Data;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// Keyed equality index for sealed values: HMAC-SHA256 of the normalised value under the active
/// blind-index data key. Never an unkeyed hash, which would let anyone test guesses offline.
/// </summary>
public sealed class BlindIndex(DataKeyRing ring)
{
    /// <summary>Computes the index of an email address (trimmed, Unicode-normalised, lower-cased).</summary>
    public byte[] ForEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var normalized = NormalizeEmail(email);
        return HMACSHA256.HashData(ring.Active(DataKeyPurpose.BlindIndex).Material, Encoding.UTF8.GetBytes(normalized));
    }

    /// <summary>The form of an email address that equality is decided on.</summary>
    public static string NormalizeEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().Normalize(NormalizationForm.FormKC).ToLowerInvariant();
    }
}
