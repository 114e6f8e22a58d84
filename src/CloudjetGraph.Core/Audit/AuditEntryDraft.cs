namespace CloudjetGraph.Core.Audit;

/// <summary>An entry to append; the trail writer gives it its sequence, time and link.</summary>
/// <param name="Kind">One of <see cref="AuditEntryKinds"/>.</param>
/// <param name="Actor">Who.</param>
/// <param name="Operation">The operation name.</param>
/// <param name="Target">Ids and scope, or the denied field.</param>
/// <param name="Outcome">One of <see cref="OperationOutcomes"/>.</param>
/// <param name="Detail">Ids and counts, or an error code.</param>
/// <param name="Profiles">Per profile, the field names released or denied.</param>
/// <param name="Purpose">For a release, the purpose it served.</param>
/// <param name="PolicyVersions">For a release, per profile, the policy version its person had accepted.</param>
/// <param name="Disclosure">For a release to a competent authority, its law, provision and hold.</param>
internal sealed record AuditEntryDraft(
    string Kind,
    OperationActor Actor,
    string Operation,
    string Target,
    string Outcome,
    string Detail,
    IReadOnlyDictionary<Guid, string> Profiles,
    string? Purpose = null,
    IReadOnlyDictionary<Guid, string?>? PolicyVersions = null,
    AuthorityDisclosure? Disclosure = null);
