namespace CloudjetGraph.Core.Privacy;

/// <summary>The legal basis as the client sent it, before <see cref="LegalBasis.Check"/>; any part may be missing.</summary>
/// <param name="Law">The law's number.</param>
/// <param name="Article">The provision.</param>
/// <param name="RequestReference">The authority's request.</param>
public sealed record LegalBasisRequest(string? Law, string? Article, string? RequestReference);
