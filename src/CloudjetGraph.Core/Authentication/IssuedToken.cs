namespace CloudjetGraph.Core.Authentication;

/// <summary>A signed bearer token and when it expires.</summary>
/// <param name="Token">The compact JWT.</param>
/// <param name="ExpiresAt">Expiry time.</param>
public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt);
