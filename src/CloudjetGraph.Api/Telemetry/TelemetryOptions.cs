using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace CloudjetGraph.Api.Telemetry;

/// <summary>Where the gateway sends its traces and metrics.</summary>
internal sealed partial class TelemetryOptions : IValidatableObject
{
    /// <summary>Configuration section: <c>Telemetry</c>.</summary>
    public const string SectionName = "Telemetry";

    /// <summary>
    /// The OpenTelemetry collector to export traces and metrics to over OTLP (gRPC, e.g.
    /// <c>http://otel-collector:4317</c>). Empty, the default: nothing is exported, and the
    /// instruments cost next to nothing.
    /// </summary>
    public string OtlpEndpoint { get; set; } = string.Empty;

    /// <summary>Longest client name <see cref="KnownClients"/> may hold.</summary>
    public const int MaxClientNameLength = 64;

    /// <summary>
    /// The client names (the <c>graphql-client-name</c> header) that metrics and traces carry as
    /// they are, matched without regard to case: letters, digits, <c>.</c>, <c>_</c> and <c>-</c>,
    /// at most 64 characters, at most 100 names. Any other name is tagged <c>other</c>, a missing
    /// one <c>unknown</c>. Default: none.
    /// </summary>
    public IList<string> KnownClients { get; } = [];

    /// <summary>Distinct versions kept per known client since startup; later new ones are tagged <c>other</c>. Default 20.</summary>
    [Range(0, 1000)]
    public int MaxClientVersions { get; set; } = 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OtlpEndpoint.Length > 0
            && !(Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult(
                $"{SectionName}:OtlpEndpoint must be empty (no export) or an absolute http or https address such as http://otel-collector:4317.",
                [nameof(OtlpEndpoint)]);
        }

        if (KnownClients.Count > 100
            || KnownClients.Any(name => name is null || name.Length > MaxClientNameLength || !ClientName().IsMatch(name)
                || name.Equals(ClientIdentity.Unknown, StringComparison.OrdinalIgnoreCase)
                || name.Equals(ClientIdentity.Other, StringComparison.OrdinalIgnoreCase)))
        {
            yield return new ValidationResult(
                $"{SectionName}:KnownClients must hold at most 100 names of 1 to {MaxClientNameLength} letters, digits, '.', '_' or '-', other than 'unknown' and 'other'.",
                [nameof(KnownClients)]);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ClientName();
}
