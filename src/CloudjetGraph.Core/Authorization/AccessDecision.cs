namespace CloudjetGraph.Core.Authorization;

/// <summary>What the access policy decided: granted (whole or masked), or denied with its error code.</summary>
/// <param name="Access">The grant; <see cref="FieldAccess.None"/> when denied. An operation is granted as <see cref="FieldAccess.Read"/>.</param>
/// <param name="DenialCode"><c>AUTH_NOT_AUTHENTICATED</c> or <c>AUTH_NOT_AUTHORIZED</c> when denied; null when granted.</param>
public sealed record AccessDecision(FieldAccess Access, string? DenialCode)
{
    /// <summary>Whether the caller was refused.</summary>
    public bool IsDenied => DenialCode is not null;
}
