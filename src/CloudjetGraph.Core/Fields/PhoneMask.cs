namespace CloudjetGraph.Core.Fields;

/// <summary>The masked form of a phone number: every digit but the last three hidden.</summary>
internal static class PhoneMask
{
    private const int VisibleDigits = 3;

    /// <summary>Masks a phone number, e.g. <c>+84 912 345 678</c> becomes <c>********678</c>.</summary>
    public static string Apply(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var digits = phone.Where(char.IsAsciiDigit).ToArray();
        var visible = Math.Min(VisibleDigits, digits.Length);
        return new string('*', digits.Length - visible) + new string(digits[^visible..]);
    }
}
