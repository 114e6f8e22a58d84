using CloudjetGraph.Core.Errors;

namespace CloudjetGraph.Core.Privacy;

/// <summary>
/// The reference of a customer's request that staff act on (a ticket id such as <c>CS-2026-0142</c>).
/// It is recorded in the audit, so its shape keeps personal values out: letters, digits and
/// <c>-_./:#</c> only, so neither an email address nor a name with spaces fits.
/// </summary>
public static class RequestReference
{
    /// <summary>Longest reference, in characters.</summary>
    public const int MaxLength = 64;

    private const string Punctuation = "-_./:#";

    /// <summary>The reference, trimmed, when it keeps the rule.</summary>
    /// <exception cref="DomainException"><see cref="ErrorCodes.Validation"/> on <c>requestReference</c>: missing, blank, too long or with other characters. The message never repeats the value.</exception>
    public static string Check(string? value)
    {
        var reference = value?.Trim();
        if (string.IsNullOrEmpty(reference))
        {
            throw Refused("A requestReference (the customer's request, e.g. a ticket id) is required.");
        }

        if (reference.Length > MaxLength)
        {
            throw Refused($"requestReference must be at most {MaxLength} characters.");
        }

        if (!reference.All(c => char.IsAsciiLetterOrDigit(c) || Punctuation.Contains(c, StringComparison.Ordinal)) || !reference.Any(char.IsAsciiLetterOrDigit))
        {
            throw Refused($"requestReference may hold only ASCII letters, digits and {Punctuation}, with at least one letter or digit; never a personal value.");
        }

        return reference;
    }

    private static DomainException Refused(string message) => new(ErrorCodes.Validation, message, "requestReference");
}
