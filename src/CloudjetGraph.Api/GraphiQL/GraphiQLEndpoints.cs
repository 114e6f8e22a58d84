using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.GraphiQL;

/// <summary>Registers GraphiQL and maps it where it is on: always in Development, elsewhere by setting.</summary>
internal static class GraphiQLEndpoints
{
    /// <summary>The security headers policy of GraphiQL's answers: a Content-Security-Policy for a page, not for an API.</summary>
    public const string SecurityHeadersPolicy = "GraphiQL";

    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IServiceCollection AddCloudjetGraphiQL(this IServiceCollection services)
    {
        services.AddOptions<GraphiQLOptions>()
            .BindConfiguration(GraphiQLOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<GraphiQLBundle>();
        return services;
    }

    /// <summary>
    /// Maps the page at <paramref name="pattern"/> and its assets below it, for GET and HEAD only (other
    /// methods answer 405). Where GraphiQL is off, nothing is mapped: the path answers 404.
    /// </summary>
    public static IEndpointRouteBuilder MapCloudjetGraphiQL(this IEndpointRouteBuilder endpoints, string pattern)
    {
        var services = endpoints.ServiceProvider;
        if (!services.GetRequiredService<IOptions<GraphiQLOptions>>().Value.Enabled
            && !services.GetRequiredService<IWebHostEnvironment>().IsDevelopment())
        {
            return endpoints;
        }

        endpoints.MapMethods(pattern, GetAndHead, (GraphiQLBundle bundle) => bundle.Page())
            .WithSecurityHeadersPolicy(SecurityHeadersPolicy);
        endpoints.MapMethods(pattern + "/{**asset}", GetAndHead, (string? asset, GraphiQLBundle bundle) => bundle.Asset(asset))
            .WithSecurityHeadersPolicy(SecurityHeadersPolicy);
        return endpoints;
    }
}
