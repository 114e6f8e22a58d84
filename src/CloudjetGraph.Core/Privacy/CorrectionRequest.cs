using CloudjetGraph.Core.Fields;

namespace CloudjetGraph.Core.Privacy;

/// <summary>A correction staff make on a customer's request (POLICY.md §7).</summary>
/// <param name="ProfileId">The profile, as the client sent it.</param>
/// <param name="Changes">New values of editable fields; null clears an optional one.</param>
/// <param name="RequestReference">The customer's request, recorded with the field names.</param>
public sealed record CorrectionRequest(string ProfileId, IReadOnlyDictionary<ProfileField, string?> Changes, string? RequestReference);
