using System.Globalization;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// A mail domain through IDNA (UTS 46, STD3 rules, no unassigned code points): its lower-case ASCII
/// form and the Unicode form stored addresses carry, so <c>XN--BCHER-KVA.vn</c>, <c>Bücher.VN</c> and
/// <c>bücher.vn</c> all give <c>bücher.vn</c>. Here, below the field rules, because the blind index
/// decides equality on the same form.
/// </summary>
internal static class IdnDomain
{
    /// <summary>
    /// Both forms, or null when IDNA refuses the domain (bad punycode, a disallowed code point, a
    /// label over 63 octets), when it is not a dotted name, or when its last label is all digits
    /// (an IP address, not a domain).
    /// </summary>
    public static (string Ascii, string Unicode)? Map(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);

        // IdnMapping does not promise thread safety, and one costs less than the mapping itself.
        var idn = new IdnMapping { UseStd3AsciiRules = true, AllowUnassigned = false };
        string ascii;
        try
        {
            ascii = idn.GetAscii(domain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }

        // GetAscii accepts a single label and a trailing dot; an address needs a dotted name.
        var labels = ascii.Split('.');
        return labels.Length >= 2 && labels.All(label => label.Length > 0) && !labels[^1].All(char.IsAsciiDigit)
            ? (ascii, idn.GetUnicode(ascii))
            : null;
    }
}
