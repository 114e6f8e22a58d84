using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Hosting;

/// <summary>A gateway that allows one front-end origin through <c>Cors:AllowedOrigins</c>.</summary>
public sealed class CorsTarget : CloudjetApplication
{
    public const string AllowedOrigin = "https://kpi.cloudjet.vn";

    public CorsTarget() => With("Cors:AllowedOrigins:0", AllowedOrigin);
}
