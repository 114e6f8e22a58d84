using System.Security.Cryptography;
using System.Text;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// Keyed equality index for sealed values: HMAC-SHA256 of the normalised value under a key derived
/// from a blind-index data key for its column, stored with that data key's id
/// (<see cref="BlindIndexFormat"/>). Never an unkeyed hash, which would let anyone test guesses
/// offline. Entries are written under the active key in format 2; lookups match the entries of
/// every loaded key in both formats, so a rotation or the format change finds everything before
/// and after a reindex.
/// </summary>
public sealed class BlindIndex(DataKeyRing ring)
{
    // Domain separation, fixed (never a C# identifier): each column's key is derived with its own
    // label, so equal addresses in two columns give unrelated entries and no column's key is the
    // data key itself, which the rate limiter and format 1 use.
    private const string ColumnKeyLabel = "cloudjet/blind-index/v2|";

    // Format 1: one key for every column, the input prefixed; matched until a reindex moves it.
    private const string LegacyEmailDomain = "cloudjet/blind-index/v1|email|";
    private const string RateLimitDomain = "cloudjet/blind-index/v1|rate-limit|";

    /// <summary>The entry to store for an email address in <paramref name="column"/>, under the active blind-index key.</summary>
    /// <exception cref="InvalidOperationException">No active blind-index key is loaded.</exception>
    public byte[] ForEmail(BlindIndexColumn column, string email)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(email);
        return Entry(ring.Active(DataKeyPurpose.BlindIndex), column, NormalizeEmail(email));
    }

    /// <summary>
    /// What a shared rate-limit counter is stored under for <paramref name="partition"/> (an address,
    /// or an account's email entry) of the limit <paramref name="limitName"/>, under the active key:
    /// the counter table never holds the address or anything that matches a stored email entry.
    /// </summary>
    /// <exception cref="InvalidOperationException">No active blind-index key is loaded.</exception>
    public byte[] ForRateLimitPartition(string limitName, string partition)
    {
        ArgumentNullException.ThrowIfNull(limitName);
        ArgumentNullException.ThrowIfNull(partition);
        var key = ring.Active(DataKeyPurpose.BlindIndex);
        return BlindIndexFormat.Write(BlindIndexFormat.LegacyVersion, key.Id, HMACSHA256.HashData(key.Material, Encoding.UTF8.GetBytes($"{RateLimitDomain}{limitName}|{partition}")));
    }

    /// <summary>
    /// Every entry the address can have in <paramref name="column"/> under the loaded blind-index
    /// keys, in both formats, the active key's first: a lookup matches any of them in one query
    /// (<c>IN (...)</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">No active blind-index key is loaded.</exception>
    public byte[][] CandidatesForEmail(BlindIndexColumn column, string email)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(email);
        ring.Active(DataKeyPurpose.BlindIndex);
        var normalized = NormalizeEmail(email);

        // An entry under a disabled key matches nothing, so such an address is not found (a login fails as a wrong password does).
        return
        [
            .. ring.OfPurpose(DataKeyPurpose.BlindIndex).Where(key => !ring.IsDisabled(key.Id))
                .SelectMany(key => new[] { Entry(key, column, normalized), LegacyEntry(key, normalized) }),
        ];
    }

    /// <summary>Whether a stored entry of <paramref name="column"/> is the address's entry under one of the loaded keys (compared in constant time).</summary>
    public bool Matches(BlindIndexColumn column, byte[] entry, string email)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var matched = false;
        foreach (var candidate in CandidatesForEmail(column, email))
        {
            matched |= CryptographicOperations.FixedTimeEquals(candidate, entry);
        }

        return matched;
    }

    /// <summary>
    /// The form of an email address that equality is decided on, for every path that indexes or
    /// looks one up (sign-up, login, invitations, search, reindex): trimmed, NFKC-normalised and
    /// lower-cased, with the domain in the canonical Unicode form that stored addresses carry
    /// (<see cref="IdnDomain"/>), so <c>an@xn--bcher-kva.vn</c> and
    /// <c>an@bücher.vn</c> are one address. Entries written before domains were mapped here were
    /// computed from stored addresses, whose domains were already in that form, so they match
    /// without a reindex. An address whose domain IDNA refuses keeps its folded form and so matches
    /// nothing stored.
    /// </summary>
    public static string NormalizeEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var folded = email.Trim().Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var at = folded.LastIndexOf('@');
        return at >= 0 && IdnDomain.Map(folded[(at + 1)..]) is { } domain
            ? string.Concat(folded.AsSpan(0, at + 1), domain.Unicode)
            : folded;
    }

    // Format 2: HMAC-SHA256 of the normalised address under HKDF-SHA256(data key, no salt, label of the column).
    private static byte[] Entry(UnwrappedDataKey key, BlindIndexColumn column, string normalized)
    {
        var columnKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Material, BlindIndexFormat.MacSize, salt: [], info: Encoding.UTF8.GetBytes(ColumnKeyLabel + column.Label));
        try
        {
            return BlindIndexFormat.Write(key.Id, HMACSHA256.HashData(columnKey, Encoding.UTF8.GetBytes(normalized)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(columnKey);
        }
    }

    private static byte[] LegacyEntry(UnwrappedDataKey key, string normalized) =>
        BlindIndexFormat.Write(BlindIndexFormat.LegacyVersion, key.Id, HMACSHA256.HashData(key.Material, Encoding.UTF8.GetBytes(LegacyEmailDomain + normalized)));
}
