namespace CloudjetGraph.Core.Accounts;

/// <summary>What a person hands over to open an account; the organisation comes from the invitation.</summary>
public sealed record SignUpRequest(
    string InvitationCode,
    string FullName,
    string Email,
    string Password,
    string? Phone,
    string? Skype,
    string? Department,
    string? JobTitle,
    ConsentRequest? Consent);

/// <summary>The person's explicit answer to the policy.</summary>
/// <param name="Accepted">Must be true.</param>
/// <param name="PolicyVersion">Must be the current policy version.</param>
public sealed record ConsentRequest(bool Accepted, string? PolicyVersion);
