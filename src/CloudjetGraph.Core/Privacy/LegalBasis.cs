using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Profiles;

namespace CloudjetGraph.Core.Privacy;

/// <summary>
/// The legal basis management gives for disclosing a profile to an authority, which the record
/// keeps: required, visible text with a letter or digit, and bounded, so it fits the record beside
/// the field names. (A customer's request reference has its own, stricter rule: <see cref="RequestReference"/>.)
/// </summary>
public static class LegalBasis
{
    /// <summary>Longest legal basis, after trimming.</summary>
    public const int MaxLength = 300;

    /// <summary>The legal basis in its recorded form.</summary>
    /// <exception cref="DomainException"><see cref="ErrorCodes.Validation"/> when missing, blank, too long or hiding characters.</exception>
    public static string Check(string? value) =>
        value is null
            ? throw new DomainException(ErrorCodes.Validation, "legalBasis is required.", "legalBasis")
            : ProfileValueRules.NormalizeText("legalBasis", value, MaxLength);
}
