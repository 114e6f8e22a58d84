using System.Text;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Fields;

namespace CloudjetGraph.Core.Profiles;

/// <summary>
/// One rule per personal field, applied to the value's normalised form, which is the form stored.
/// Every value is trimmed and NFC-normalised, then must be 1 to its field's maximum characters
/// long and hold no control, format (zero-width, bidi), separator, private-use, unassigned or
/// blank-looking character. Then, by field: names and text (<c>fullName</c>, <c>department</c>,
/// <c>jobTitle</c>) need a letter or digit and well-placed combining marks; <c>email</c> and
/// <c>loginEmail</c> follow <see cref="EmailAddressRule"/>; <c>phone</c> follows
/// <see cref="PhoneNumberRule"/>; <c>skype</c> is visible ASCII without spaces. Messages name the
/// field and the rule, never the value.
/// </summary>
internal static class ProfileValueRules
{
    /// <summary>Fewest characters other than white space a password must have.</summary>
    public const int MinPasswordCharacters = 10;

    /// <summary>Longest password, in UTF-16 code units; the hash gains nothing past it.</summary>
    public const int MaxPasswordLength = 128;

    /// <summary>Checks a value for a sealed field by its descriptor in <see cref="PersonalFieldCatalogue"/>; null means "no value" and is allowed only for optional fields.</summary>
    /// <exception cref="DomainException">With <see cref="ErrorCodes.Validation"/>.</exception>
    public static void Check(ProfileField field, string? value) => _ = Normalize(field, value);

    /// <summary>The form of a value to store: checked, trimmed, NFC-normalised and, for emails, with a canonical domain.</summary>
    /// <exception cref="DomainException">With <see cref="ErrorCodes.Validation"/> when the value breaks its field's rule.</exception>
    public static string? Normalize(ProfileField field, string? value)
    {
        var descriptor = PersonalFieldCatalogue.Of(field);
        var name = descriptor.SchemaName;
        if (value is null)
        {
            Require(!descriptor.Required, name, $"{name} is required.");
            return null;
        }

        var maxLength = descriptor.MaxLength;
        switch (descriptor.Rule)
        {
            case PersonalValueRule.Email:
                return EmailAddressRule.Normalize(Visible(name, value, maxLength)) ?? throw Refusal(name, $"{name} must be an email address.");
            case PersonalValueRule.Phone:
                var phone = Visible(name, value, maxLength);
                Require(PhoneNumberRule.IsValid(phone), name,
                    $"{name} must be {PhoneNumberRule.MinDigits} to {PhoneNumberRule.MaxDigits} digits with an optional leading +, groups separated by one space, - or . and an area code optionally in parentheses.");
                return phone;
            case PersonalValueRule.Handle:
                var handle = Visible(name, value, maxLength);
                Require(handle.All(c => c is > ' ' and <= '~'), name, $"{name} must be visible ASCII characters without spaces.");
                return handle;
            default:
                return NormalizeText(name, value, maxLength);
        }
    }

    /// <summary>
    /// The rule for names and free text, also used beyond profiles (an organisation's name): the
    /// visible-text rule, plus a letter or digit and well-placed combining marks.
    /// </summary>
    /// <param name="name">The input's name, for the message.</param>
    /// <param name="value">The value as given.</param>
    /// <param name="maxLength">Most characters after normalisation.</param>
    /// <exception cref="DomainException">With <see cref="ErrorCodes.Validation"/>.</exception>
    public static string NormalizeText(string name, string value, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(value);
        var normalized = Visible(name, value, maxLength);
        Require(VisibleText.HasLetterOrDigit(normalized), name, $"{name} must contain a letter or digit.");
        Require(VisibleText.HasWellFormedMarks(normalized), name,
            $"{name} must not start with a combining mark or stack more than {VisibleText.MaxCombiningMarks} on one character.");
        return normalized;
    }

    // Trimmed, NFC-normalised, 1 to maxLength characters, nothing hidden.
    private static string Visible(string name, string value, int maxLength)
    {
        // A lone surrogate would make NFC normalisation throw: refuse it as the hidden character it is.
        var hiddenCharacters = $"{name} must not contain control, format or invisible characters.";
        Require(VisibleText.IsWellFormedUtf16(value), name, hiddenCharacters);
        var normalized = value.Normalize(NormalizationForm.FormC).Trim();
        Require(normalized.Length is > 0 && normalized.Length <= maxLength, name, $"{name} must be 1 to {maxLength} characters.");
        Require(!VisibleText.HasHiddenCharacter(normalized), name, hiddenCharacters);
        return normalized;
    }

    /// <summary>
    /// Checks a new password: at least <see cref="MinPasswordCharacters"/> characters other than
    /// white space, at most <see cref="MaxPasswordLength"/> characters, no control characters or
    /// lone surrogates (which would hash the same as U+FFFD). It is never trimmed or normalised:
    /// the hash must see what the person typed.
    /// </summary>
    /// <exception cref="DomainException">With <see cref="ErrorCodes.Validation"/>.</exception>
    public static void CheckPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        Require(password.Length <= MaxPasswordLength, "password", $"password must be at most {MaxPasswordLength} characters.");
        Require(password.EnumerateRunes().Count(rune => !Rune.IsWhiteSpace(rune)) >= MinPasswordCharacters, "password",
            $"password must have at least {MinPasswordCharacters} characters other than spaces.");
        Require(!password.Any(char.IsControl) && VisibleText.IsWellFormedUtf16(password), "password", "password must not contain control characters or broken surrogate pairs.");
    }

    private static void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            throw Refusal(field, message);
        }
    }

    private static DomainException Refusal(string field, string message) => new(ErrorCodes.Validation, message, field);
}
