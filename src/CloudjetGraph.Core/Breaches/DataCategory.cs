namespace CloudjetGraph.Core.Breaches;

/// <summary>A category of personal data the stores hold, and the form it is held in.</summary>
/// <param name="Field">The field's schema name, or <c>passwordHash</c>.</param>
/// <param name="Form"><c>sealed</c> (AES-256-GCM under the person key) or <c>blind index</c> (HMAC-SHA256 under the index key).</param>
public sealed record DataCategory(string Field, string Form);
