using System.Text;
using CloudjetGraph.Core.Fields;

namespace CloudjetGraph.Core.Accounts;

/// <summary>What a person hands over to open an account; the organisation comes from the invitation.</summary>
/// <param name="InvitationCode">The single-use invitation code.</param>
/// <param name="Values">The catalogue's sign-up fields (<see cref="PersonalFieldCatalogue.AtSignUp"/>) by field; a missing one is null.</param>
/// <param name="Password">The password, hashed before it is stored.</param>
/// <param name="Consent">The person's answer to the current policy.</param>
public sealed record SignUpRequest(
    string InvitationCode,
    IReadOnlyDictionary<ProfileField, string?> Values,
    string Password,
    ConsentRequest? Consent)
{
    /// <summary>The email, which is also the login email.</summary>
    public string Email => Values.GetValueOrDefault(ProfileField.Email) ?? string.Empty;

    // A record prints every member: this one holds personal data, a password and a secret code,
    // so it prints only the answer to the policy.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Consent = ").Append(Consent);
        return true;
    }
}

/// <summary>The person's explicit answer to the policy.</summary>
/// <param name="Accepted">Must be true.</param>
/// <param name="PolicyVersion">Must be the current policy version.</param>
public sealed record ConsentRequest(bool Accepted, string? PolicyVersion);
