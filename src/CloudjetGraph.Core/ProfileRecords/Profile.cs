namespace CloudjetGraph.Core.ProfileRecords;

/// <summary>
/// One account of a person at an organisation. Personal columns hold sealed values
/// (see <see cref="Protection.FieldCipher"/>), never plaintext.
/// </summary>
public sealed class Profile
{
    /// <summary>Stable identifier (version 7, so ordering follows creation).</summary>
    public required Guid Id { get; init; }

    /// <summary>The organisation the person works for.</summary>
    public required Guid OrganizationId { get; set; }

    /// <summary>The organisation, when loaded.</summary>
    public Organization? Organization { get; set; }

    /// <summary>Sealed full name.</summary>
    public byte[]? FullName { get; set; }

    /// <summary>Sealed contact email.</summary>
    public byte[]? Email { get; set; }

    /// <summary>Blind index of the normalised contact email, for search.</summary>
    public byte[]? EmailIndex { get; set; }

    /// <summary>Sealed phone number.</summary>
    public byte[]? Phone { get; set; }

    /// <summary>Sealed Skype handle.</summary>
    public byte[]? Skype { get; set; }

    /// <summary>Sealed department.</summary>
    public byte[]? Department { get; set; }

    /// <summary>Sealed job title.</summary>
    public byte[]? JobTitle { get; set; }

    /// <summary>Sealed login email.</summary>
    public byte[]? LoginEmail { get; set; }

    /// <summary>Blind index of the normalised login email; unique.</summary>
    public byte[]? LoginEmailIndex { get; set; }

    /// <summary>
    /// Slow salted hash, sealed under the person key like the personal fields (so a shredded person
    /// leaves no verifiable hash in any backup); null for accounts that cannot log in yet.
    /// </summary>
    public byte[]? PasswordHash { get; set; }

    /// <summary>When the person accepted the policy.</summary>
    public required DateTimeOffset ConsentAcceptedAt { get; set; }

    /// <summary>The policy version the person accepted.</summary>
    public required string ConsentPolicyVersion { get; set; }

    /// <summary>When the person withdrew consent, if they did.</summary>
    public DateTimeOffset? ConsentWithdrawnAt { get; set; }

    /// <summary>
    /// Since when processing is restricted (the person's right to restriction); null when it is not.
    /// While set, staff get none of the personal fields and nothing of the profile is decrypted for them.
    /// </summary>
    public DateTimeOffset? RestrictedAt { get; set; }

    /// <summary>Why processing is restricted, one of <see cref="Privacy.RestrictionReasons"/>; null when it is not.</summary>
    public string? RestrictionReason { get; set; }

    /// <summary>Who restricted it, one of <see cref="Privacy.RestrictionPlacers"/>; null when it is not restricted.</summary>
    public string? RestrictedBy { get; set; }

    /// <summary>Creation time.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last change time.</summary>
    public required DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// Changes whenever the owner's credentials change (a new password). Owner tokens carry the
    /// stamp they were issued under and stop working once it differs.
    /// </summary>
    public Guid SecurityStamp { get; set; }

    /// <summary>Concurrency token, incremented on every change.</summary>
    public long Version { get; set; }

    /// <summary>
    /// Keyed integrity tag over the columns that decide access (id, organisation, password hash,
    /// consent, restriction); see <see cref="ProfileAccessTag"/>. Null only before the first stamp.
    /// </summary>
    public byte[]? AccessTag { get; set; }

    /// <summary>
    /// Whether <see cref="AccessTag"/> was verified (or stamped) since this instance was loaded. Held
    /// in memory only: a row that nobody verified is treated like one that failed.
    /// </summary>
    public bool AccessVerified { get; set; }
}
