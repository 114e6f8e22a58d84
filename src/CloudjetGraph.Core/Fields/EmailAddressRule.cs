using System.Text;
using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.Core.Fields;

/// <summary>
/// The address grammar accepted for <c>email</c> and <c>loginEmail</c>: an RFC 5322 dot-atom local
/// part in ASCII (at most 64 characters), <c>@</c>, and a domain name of at least two labels that
/// IDNA (UTS 46, STD3 rules) accepts, whose last label is not all digits and none of whose labels
/// mixes Latin, Greek, Cyrillic and Armenian letters. Quoted local parts, comments and address
/// literals are refused: people do not use them, and they are how lookalike and injection values
/// get in.
/// </summary>
internal static class EmailAddressRule
{
    /// <summary>Longest address in its ASCII form (RFC 5321 path limit less the angle brackets).</summary>
    public const int MaxAsciiLength = 254;

    private const int MaxLocalPartLength = 64;

    // atext of RFC 5322 besides letters and digits.
    private const string AtomSymbols = "!#$%&'*+-/=?^_`{|}~";

    /// <summary>
    /// The address with its domain in lower-case Unicode form (<c>An@XN--BCHER-KVA.DE</c> becomes
    /// <c>An@bücher.de</c>), or null when it is not an address by the rule above. The local part
    /// keeps its case: only its owner's mail server may fold it.
    /// </summary>
    public static string? Normalize(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at < 0 || address.IndexOf('@', at + 1) >= 0)
        {
            return null;
        }

        var localPart = address[..at];
        if (!IsDotAtom(localPart) || localPart.Length > MaxLocalPartLength || IdnDomain.Map(address[(at + 1)..]) is not ({ } asciiDomain, { } unicodeDomain))
        {
            return null;
        }

        return localPart.Length + 1 + asciiDomain.Length <= MaxAsciiLength && unicodeDomain.Split('.').All(label => !MixesScripts(label))
            ? $"{localPart}@{unicodeDomain}"
            : null;
    }

    private static bool IsDotAtom(string localPart) =>
        localPart.Length > 0
        && localPart.Split('.').All(atom => atom.Length > 0 && atom.All(c => char.IsAsciiLetterOrDigit(c) || AtomSymbols.Contains(c, StringComparison.Ordinal)));

    // A label that mixes these scripts is how lookalike domains are spelled (a Cyrillic "а" among
    // Latin letters); a label written wholly in one script is an ordinary IDN.
    private static bool MixesScripts(string label)
    {
        var scripts = label.EnumerateRunes().Select(ScriptOf).Where(script => script != Script.Other).Distinct();
        return scripts.Skip(1).Any();
    }

    private static Script ScriptOf(Rune rune) => rune.Value switch
    {
        >= 'a' and <= 'z' or >= 0x00C0 and <= 0x02AF or >= 0x1E00 and <= 0x1EFF or >= 0x2C60 and <= 0x2C7F or >= 0xA720 and <= 0xA7FF or >= 0xAB30 and <= 0xAB6F => Script.Latin,
        >= 0x0370 and <= 0x03FF or >= 0x1F00 and <= 0x1FFF => Script.Greek,
        >= 0x0400 and <= 0x052F or >= 0x1C80 and <= 0x1C8F or >= 0x2DE0 and <= 0x2DFF or >= 0xA640 and <= 0xA69F => Script.Cyrillic,
        >= 0x0530 and <= 0x058F => Script.Armenian,
        _ => Script.Other,
    };

    private enum Script
    {
        Other,
        Latin,
        Greek,
        Cyrillic,
        Armenian,
    }
}
