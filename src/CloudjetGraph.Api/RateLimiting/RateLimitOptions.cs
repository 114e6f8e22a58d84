using System.ComponentModel.DataAnnotations;

namespace CloudjetGraph.Api.RateLimiting;

/// <summary>
/// Per-minute limits on login, sign-up and personal records released, each in a fixed one-minute
/// window, and a daily limit on disclosures to an authority. Login, sign-up and disclosures are
/// counted in the profile database, shared by every instance on it.
/// </summary>
internal sealed class RateLimitOptions
{
    /// <summary>Configuration section: <c>RateLimits</c>.</summary>
    public const string SectionName = "RateLimits";

    /// <summary>The fixed window every per-minute limit counts in.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>The fixed window of <see cref="AuthorityExportsPerDay"/>.</summary>
    public static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>Login attempts per account (the normalised email) per minute, across every instance on the database. Default 10.</summary>
    [Range(1, 1_000_000)]
    public int LoginsPerAccountPerMinute { get; set; } = 10;

    /// <summary>Login attempts per client address per minute, whatever the account, across every instance on the database. Default 60, room for an office behind one NAT.</summary>
    [Range(1, 1_000_000)]
    public int LoginsPerAddressPerMinute { get; set; } = 60;

    /// <summary>Sign-up attempts per client address per minute, across every instance on the database. Default 10.</summary>
    [Range(1, 1_000_000)]
    public int SignUpsPerAddressPerMinute { get; set; } = 10;

    /// <summary>
    /// Profiles released with at least one personal field to one caller (token subject, or client
    /// address) per minute, counted by each instance on its own. Default 1000: twenty full pages of the largest size.
    /// </summary>
    [Range(1, 10_000_000)]
    public int PersonalRecordsPerMinute { get; set; } = 1000;

    /// <summary>
    /// Disclosures to an authority (<c>exportProfileForAuthority</c>) one caller may make per day, a
    /// fixed window from their first, across every instance on the database. Each also counts toward
    /// <see cref="PersonalRecordsPerMinute"/>. Default 20: a disclosure is a rare, individual act,
    /// never a bulk one.
    /// </summary>
    [Range(1, 1_000_000)]
    public int AuthorityExportsPerDay { get; set; } = 20;
}
