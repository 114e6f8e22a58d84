using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Profiles;

namespace CloudjetGraph.Core.Privacy;

/// <summary>
/// The reasons staff give for acting on a person's data, which the record keeps: a customer's
/// request reference (a ticket number) and an authority's legal basis. Each is required, visible
/// text with a letter or digit, and bounded, so it fits the record beside the field names.
/// </summary>
public static class RecordedReason
{
    /// <summary>Longest request reference, after trimming.</summary>
    public const int MaxRequestReferenceLength = 100;

    /// <summary>Longest legal basis, after trimming.</summary>
    public const int MaxLegalBasisLength = 300;

    /// <summary>The request reference in its recorded form.</summary>
    /// <exception cref="DomainException"><see cref="ErrorCodes.Validation"/> when missing, blank, too long or hiding characters.</exception>
    public static string RequestReference(string? value) => Normalize("requestReference", value, MaxRequestReferenceLength);

    /// <summary>The legal basis in its recorded form.</summary>
    /// <exception cref="DomainException"><see cref="ErrorCodes.Validation"/> when missing, blank, too long or hiding characters.</exception>
    public static string LegalBasis(string? value) => Normalize("legalBasis", value, MaxLegalBasisLength);

    private static string Normalize(string name, string? value, int maxLength) =>
        value is null
            ? throw new DomainException(ErrorCodes.Validation, $"{name} is required.", name)
            : ProfileValueRules.NormalizeText(name, value, maxLength);
}
