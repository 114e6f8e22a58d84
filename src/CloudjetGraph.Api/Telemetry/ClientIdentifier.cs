using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.Telemetry;

/// <summary>
/// Reads the client headers of Apollo's convention into a <see cref="ClientIdentity"/> whose values
/// are bounded, since each distinct value is a new metric series: a name is one of
/// <see cref="TelemetryOptions.KnownClients"/>, else <c>other</c>; a version is kept only for a
/// known client, only in a short safe form, and only for its first
/// <see cref="TelemetryOptions.MaxClientVersions"/> distinct versions since startup, else <c>other</c>.
/// The headers are the client's own claim, so they label telemetry and decide nothing else.
/// </summary>
internal sealed partial class ClientIdentifier
{
    public const string NameHeader = "graphql-client-name";
    public const string VersionHeader = "graphql-client-version";

    /// <summary>Longest version kept; a longer one is <c>other</c>.</summary>
    public const int MaxVersionLength = 32;

    private readonly Dictionary<string, string> _known;
    private readonly Dictionary<string, HashSet<string>> _versions;
    private readonly int _maxVersions;

    public ClientIdentifier(IOptions<TelemetryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _known = options.Value.KnownClients.Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(name => name, StringComparer.OrdinalIgnoreCase);
        _versions = _known.Values.ToDictionary(name => name, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        _maxVersions = options.Value.MaxClientVersions;
    }

    public ClientIdentity Identify(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers[NameHeader] is not [{ Length: > 0 } name])
        {
            return ClientIdentity.Anonymous;
        }

        if (name.Length > TelemetryOptions.MaxClientNameLength || !_known.TryGetValue(name, out var known))
        {
            return new(ClientIdentity.Other, null);
        }

        return new(known, headers[VersionHeader] is [{ Length: > 0 } version] ? Version(known, version) : ClientIdentity.Unknown);
    }

    private string Version(string client, string version)
    {
        if (version.Length > MaxVersionLength || !SafeVersion().IsMatch(version))
        {
            return ClientIdentity.Other;
        }

        var seen = _versions[client];
        lock (seen)
        {
            return seen.Contains(version) || (seen.Count < _maxVersions && seen.Add(version)) ? version : ClientIdentity.Other;
        }
    }

    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z.+_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeVersion();
}
