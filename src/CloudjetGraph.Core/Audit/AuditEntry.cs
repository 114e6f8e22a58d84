namespace CloudjetGraph.Core.Audit;

/// <summary>
/// One entry of the audit trail (docs/audit.md): a recorded operation (key custodian or privacy),
/// a release of personal fields to staff, or a denial. Entries are only ever added; each one's
/// <see cref="Link"/> chains it to the entry before, so an edit, a deletion or a swap shows in
/// <c>audit verify</c>. Nothing here holds a personal value, a token, a variable or document text.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>The position in the chain, 1 for the first entry, one more for each next (assigned inside the appending transaction).</summary>
    public long Sequence { get; init; }

    /// <summary>When it was recorded, to the millisecond (the chain encodes exactly what is stored).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>One of <see cref="Audit.AuditEntryKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Who: the token subject over GraphQL (empty for an anonymous caller), the operating system user for the Cli.</summary>
    public required string ActorSubject { get; init; }

    /// <summary>The actor's role name, or <c>cli</c> for the custodian tool.</summary>
    public required string ActorRole { get; init; }

    /// <summary>What: an operation name (<see cref="Custodians.CustodianOperationNames"/>, <see cref="Audit.PrivacyOperationNames"/>), or for a release or denial the GraphQL operation name (empty when the document named none).</summary>
    public required string Operation { get; init; }

    /// <summary>Keys, ids and scope of an operation; the denied field or operation (<c>Profile.skype</c>, <c>Query.keys</c>); a count of profiles for a release.</summary>
    public required string Target { get; init; }

    /// <summary>One of <see cref="Audit.OperationOutcomes"/>.</summary>
    public required string Outcome { get; init; }

    /// <summary>A short account (ids and counts), or a denial's error code.</summary>
    public required string Detail { get; init; }

    /// <summary>
    /// For a release, the purpose of POLICY.md §2 it served (<see cref="Authorization.Purposes"/>);
    /// null for other kinds and for releases recorded before purposes were, which keep the chain
    /// format they were linked in (<see cref="AuditChainFormat"/>).
    /// </summary>
    public string? Purpose { get; init; }

    /// <summary>
    /// For a release to a competent authority, the law it rests on (<see cref="AuthorityDisclosure.Law"/>);
    /// null for every other entry, including disclosures recorded before disclosures were told apart
    /// (they keep the chain format they were linked in).
    /// </summary>
    public string? DisclosureLaw { get; init; }

    /// <summary>For a release to a competent authority, the provision (<see cref="AuthorityDisclosure.Article"/>); null otherwise.</summary>
    public string? DisclosureArticle { get; init; }

    /// <summary>For a release to a competent authority under a confidentiality hold, when the hold ends (Unix milliseconds in the column); null otherwise.</summary>
    public DateTimeOffset? ConfidentialUntil { get; init; }

    /// <summary>The chain link: SHA-256 over the previous entry's link and this entry's canonical encoding (<see cref="Audit.AuditChainFormat"/>); null only for rows moved in by a migration and not yet sealed.</summary>
    public byte[]? Link { get; set; }

    /// <summary>The profiles the entry concerns, with the fields released or denied on each.</summary>
    internal List<AuditEntryProfile> Profiles { get; init; } = [];
}
