using System.Globalization;

namespace CloudjetGraph.Core.Audit;

/// <summary>
/// An entry's sequence number and link, written as <c>SEQUENCE:LINKHEX</c>. <c>audit verify</c> prints the
/// head; kept outside the database (a ticket, the operations log) and passed back with
/// <c>--expect-head</c>, it shows a tail cut off or a chain rewritten from an earlier entry.
/// </summary>
/// <param name="Sequence">The entry's sequence number.</param>
/// <param name="Link">Its link.</param>
public sealed record AuditAnchor(long Sequence, byte[] Link)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Sequence}:{Convert.ToHexStringLower(Link)}");

    /// <summary>Reads <c>SEQUENCE:LINKHEX</c>.</summary>
    public static bool TryParse(string? text, out AuditAnchor? anchor)
    {
        anchor = null;
        var parts = text?.Split(':') ?? [];
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1
            || parts[1].Length != AuditChainFormat.LinkLength * 2)
        {
            return false;
        }

        try
        {
            anchor = new AuditAnchor(sequence, Convert.FromHexString(parts[1]));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
