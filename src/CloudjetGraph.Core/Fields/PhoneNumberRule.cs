using System.Text.RegularExpressions;

namespace CloudjetGraph.Core.Fields;

/// <summary>
/// The phone grammar: an optional leading <c>+</c>, then groups of ASCII digits, a group possibly
/// in parentheses (an area code), with at most one space, <c>-</c> or <c>.</c> between groups; 8 to
/// 15 digits in all (E.164 allows 15). So <c>+84 (912) 345-678</c> and <c>0912.345.678</c> pass,
/// while <c>++++</c>, <c>--12345678</c> or an extension do not.
/// </summary>
internal static partial class PhoneNumberRule
{
    public const int MinDigits = 8;
    public const int MaxDigits = 15;

    /// <summary>Whether the value is a phone number by the grammar above.</summary>
    public static bool IsValid(string value) =>
        Grammar().IsMatch(value) && value.Count(char.IsAsciiDigit) is >= MinDigits and <= MaxDigits;

    // Atomic groups: a digit run is never split between two groups, so matching stays linear.
    [GeneratedRegex(@"^\+?(?>\([0-9]+\)|[0-9]+)(?>[ .-]?(?>\([0-9]+\)|[0-9]+))*$", RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();
}
