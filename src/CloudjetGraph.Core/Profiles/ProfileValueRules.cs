using System.ComponentModel.DataAnnotations;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Errors;

namespace CloudjetGraph.Core.Profiles;

/// <summary>Shape rules for personal values. Messages name the field, never the value.</summary>
public static class ProfileValueRules
{
    private const int MinPasswordLength = 10;
    private const int MaxPasswordLength = 128;
    private static readonly EmailAddressAttribute EmailFormat = new();

    /// <summary>Checks a value for a field; null means "no value" and is allowed only for optional fields.</summary>
    /// <exception cref="DomainException">With <see cref="ErrorCodes.Validation"/>.</exception>
    public static void Check(ProfileField field, string? value)
    {
        var name = ProfileFields.NameOf(field);
        var required = field is ProfileField.FullName or ProfileField.Email or ProfileField.LoginEmail;
        if (value is null)
        {
            Require(!required, name, $"{name} is required.");
            return;
        }

        var maxLength = field switch
        {
            ProfileField.FullName => 200,
            ProfileField.Email or ProfileField.LoginEmail => 254,
            ProfileField.Phone => 32,
            ProfileField.Skype => 64,
            _ => 100,
        };
        Require(value.Trim().Length > 0 && value.Length <= maxLength, name, $"{name} must be 1 to {maxLength} characters.");
        Require(!value.Any(char.IsControl), name, $"{name} must not contain control characters.");
        if (field is ProfileField.Email or ProfileField.LoginEmail)
        {
            Require(EmailFormat.IsValid(value.Trim()), name, $"{name} must be an email address.");
        }

        if (field == ProfileField.Phone)
        {
            var digits = value.Count(char.IsAsciiDigit);
            Require(digits is >= 8 and <= 15 && value.All(c => char.IsAsciiDigit(c) || " +-().".Contains(c)), name, "phone must be 8 to 15 digits, optionally with + - ( ) . and spaces.");
        }
    }

    /// <summary>Checks a new password's length.</summary>
    /// <exception cref="DomainException">With <see cref="ErrorCodes.Validation"/>.</exception>
    public static void CheckPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        Require(password.Length is >= MinPasswordLength and <= MaxPasswordLength, "password", $"password must be {MinPasswordLength} to {MaxPasswordLength} characters.");
    }

    private static void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            throw new DomainException(ErrorCodes.Validation, message, field);
        }
    }
}
