namespace CloudjetGraph.Api.Http;

/// <summary>Which browser front ends on other origins may call the gateway.</summary>
internal sealed class CrossOriginOptions
{
    /// <summary>Configuration section: <c>Cors</c>.</summary>
    public const string SectionName = "Cors";

    /// <summary>
    /// Origins (<c>https://kpi.example.vn</c>: scheme, host and port only) whose pages may send
    /// requests with a bearer token and read the answers. Empty by default: no other origin may.
    /// A wildcard is refused, since the answers carry personal data.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Whether <paramref name="value"/> is an http or https origin exactly as a browser sends it in <c>Origin</c>.</summary>
    public static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.Equals(uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped), value, StringComparison.OrdinalIgnoreCase);
}
