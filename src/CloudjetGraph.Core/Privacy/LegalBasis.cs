using System.Text.RegularExpressions;
using CloudjetGraph.Core.Errors;

namespace CloudjetGraph.Core.Privacy;

/// <summary>
/// The legal basis management gives for disclosing a profile to an authority, which the record
/// keeps forever: three identifiers, each with a closed grammar, so the trail holds no free text
/// (a name or an address typed into a "reason" would stay in it for good).
/// </summary>
/// <param name="Law">The law or decree's number as Vietnam writes it: <c>91/2025/QH15</c>, <c>356/2025/NĐ-CP</c>.</param>
/// <param name="Article">The provision: <c>Article 17</c>, <c>Article 17(2)</c>, <c>Article 17(2)(b)</c>, or with <c>Điều</c>.</param>
/// <param name="RequestReference">The authority's request (its dispatch number), by the <see cref="Privacy.RequestReference"/> rule.</param>
public sealed partial record LegalBasis(string Law, string Article, string RequestReference)
{
    /// <summary>The legal basis from its three parts, each trimmed.</summary>
    /// <exception cref="DomainException"><see cref="ErrorCodes.Validation"/> naming the part that is missing or breaks its grammar; the message never repeats the value.</exception>
    public static LegalBasis Check(string? law, string? article, string? requestReference) => new(
        Matching("law", law, LawNumber(), "a law's number such as 91/2025/QH15 or 356/2025/NĐ-CP"),
        Matching("article", article, Provision(), "a provision such as Article 17, Article 17(2) or Article 17(2)(b)"),
        Privacy.RequestReference.Check(requestReference));

    /// <summary>The basis as the record states it.</summary>
    public override string ToString() => $"law {Law}, {Article}, request {RequestReference}";

    private static string Matching(string part, string? value, Regex grammar, string shape)
    {
        var trimmed = value?.Trim();
        return trimmed is not null && grammar.IsMatch(trimmed)
            ? trimmed
            : throw new DomainException(ErrorCodes.Validation, $"legalBasis.{part} must be {shape}.", $"legalBasis.{part}");
    }

    // Number / year / issuer: a code of capitals with an optional term number (QH15), then up to
    // three hyphenated codes (NĐ-CP, TT-BCA, NQ-UBTVQH15).
    [GeneratedRegex(@"^[1-9][0-9]{0,3}/(19|20)[0-9]{2}/[A-ZĐ]{1,8}[0-9]{0,2}(-[A-ZĐ]{1,8}[0-9]{0,2}){0,3}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex LawNumber();

    // Article, then at most a clause (a number) and a point (one letter), as Vietnamese law cites them.
    [GeneratedRegex(@"^(Article|Điều) [1-9][0-9]{0,3}(\([1-9][0-9]?\)(\([a-zđ]\))?)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Provision();
}
