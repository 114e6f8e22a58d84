using System.ComponentModel.DataAnnotations;

namespace CloudjetGraph.Core.Authentication;

/// <summary>Bearer token settings shared by the gateway and the custodian tool.</summary>
public sealed class AccessTokenOptions
{
    /// <summary>Configuration section: <c>Authentication</c>.</summary>
    public const string SectionName = "Authentication";

    /// <summary>How far past its expiry a token is still accepted, for clocks that disagree a little.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>Issuer of the tokens the gateway signs itself. Default <c>cloudjet-graph</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Issuer { get; set; } = "cloudjet-graph";

    /// <summary>Audience every accepted token must name. Default <c>cloudjet-graph</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Audience { get; set; } = "cloudjet-graph";

    /// <summary>
    /// Optional OpenID Connect authority (the company's identity provider) whose staff tokens are
    /// accepted besides the gateway's own. Empty by default.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>
    /// Whether the authority's metadata must come over HTTPS. Default <c>true</c>; turn it off only
    /// for an identity provider on a development machine.
    /// </summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Lifetime of owner tokens from <c>login</c>. Default one hour.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan OwnerTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Lifetime of development staff tokens minted by the CLI. Default eight hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan StaffTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How long after a signing key stops signing a token it signed may still be accepted: the
    /// longest lifetime plus <see cref="ClockSkew"/>. A retired signing key is kept that long.
    /// </summary>
    public TimeSpan LongestAcceptance => (OwnerTokenLifetime > StaffTokenLifetime ? OwnerTokenLifetime : StaffTokenLifetime) + ClockSkew;
}
