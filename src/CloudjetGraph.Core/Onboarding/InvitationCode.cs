using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CloudjetGraph.Core.Onboarding;

/// <summary>Invitation codes: 128 random bits, handed out once and stored only as a hash.</summary>
internal static class InvitationCode
{
    /// <summary>Longest code accepted; anything longer cannot be one and is not hashed.</summary>
    public const int MaxLength = 100;

    /// <summary>A new code: 16 random bytes, base64url.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// The stored form. An unkeyed hash suffices: with 128 random bits there is nothing to guess
    /// offline, and a database reader must not be able to turn stored rows back into usable codes.
    /// </summary>
    public static byte[] Hash(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim()));
    }
}
