using System.ComponentModel.DataAnnotations;
using System.Net;

namespace CloudjetGraph.Api.Hosting;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> the gateway believes. Unset, it believes none
/// and every client is the address its connection comes from.
/// </summary>
internal sealed class TrustedProxyOptions : IValidatableObject
{
    /// <summary>Configuration section: <c>ForwardedHeaders</c>.</summary>
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies (<c>10.0.0.5</c>, <c>2001:db8::5</c>). Empty by default.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation (<c>10.0.0.0/24</c>). Empty by default.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>
    /// How many trusted proxies in a row may append to <c>X-Forwarded-For</c>. Default 1: the
    /// gateway takes the last entry, the one its own proxy appended; what the client wrote before it
    /// is ignored. Raise it only for a chain of proxies that are all listed above.
    /// </summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    /// <summary>Whether any proxy is trusted, and so whether forwarded headers are read at all.</summary>
    public bool TrustsAnyProxy => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    /// <summary>The trusted proxy addresses; call only once validated.</summary>
    public IEnumerable<IPAddress> ProxyAddresses() => KnownProxies.Select(IPAddress.Parse);

    /// <summary>The trusted proxy networks; call only once validated.</summary>
    public IEnumerable<IPNetwork> ProxyNetworks() => KnownNetworks.Select(network => IPNetwork.Parse(network));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(proxy => !IPAddress.TryParse(proxy, out _)))
        {
            yield return new ValidationResult($"{SectionName}:KnownProxies holds '{proxy}', which is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(network => !IPNetwork.TryParse(network, out _)))
        {
            yield return new ValidationResult($"{SectionName}:KnownNetworks holds '{network}', which is not a network in CIDR notation (10.0.0.0/24).", [nameof(KnownNetworks)]);
        }
    }
}
