namespace CloudjetGraph.Core.Profiles;

/// <summary>Filters of a profile listing; null means "any".</summary>
/// <param name="OrganizationId">Only this organisation.</param>
/// <param name="Email">Only this contact email, matched through its blind index.</param>
public sealed record ProfileFilter(Guid? OrganizationId, string? Email);
