using System.ComponentModel.DataAnnotations;

namespace CloudjetGraph.Api.Telemetry;

/// <summary>Where the gateway sends its traces and metrics.</summary>
internal sealed class TelemetryOptions : IValidatableObject
{
    /// <summary>Configuration section: <c>Telemetry</c>.</summary>
    public const string SectionName = "Telemetry";

    /// <summary>
    /// The OpenTelemetry collector to export traces and metrics to over OTLP (gRPC, e.g.
    /// <c>http://otel-collector:4317</c>). Empty, the default: nothing is exported, and the
    /// instruments cost next to nothing.
    /// </summary>
    public string OtlpEndpoint { get; set; } = string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OtlpEndpoint.Length > 0
            && !(Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult(
                $"{SectionName}:OtlpEndpoint must be empty (no export) or an absolute http or https address such as http://otel-collector:4317.",
                [nameof(OtlpEndpoint)]);
        }
    }
}
