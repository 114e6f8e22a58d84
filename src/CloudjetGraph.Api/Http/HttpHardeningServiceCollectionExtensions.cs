using CloudjetGraph.Api.GraphiQL;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.Http;

/// <summary>Response headers that keep personal data out of caches and other sites' pages, and CORS from settings.</summary>
internal static class HttpHardeningServiceCollectionExtensions
{
    // Headers a cross-origin caller must be able to read to react to a refusal.
    private static readonly string[] ExposedHeaders = ["WWW-Authenticate", "Retry-After"];

    public static IServiceCollection AddCloudjetHttpHardening(this IServiceCollection services)
    {
        // "Server: Kestrel" only tells an attacker which exploits to try.
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);

        services.AddOptions<CrossOriginOptions>()
            .BindConfiguration(CrossOriginOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(
                o => o.AllowedOrigins.All(CrossOriginOptions.IsOrigin),
                $"{CrossOriginOptions.SectionName}:AllowedOrigins may hold only origins such as https://kpi.example.vn (http or https, host and port, no path, no wildcard).")
            .ValidateOnStart();
        // The API's policy lets a browser load nothing; GraphiQL's page needs its own scripts and styles.
        services.AddSecurityHeaderPolicies()
            .SetDefaultPolicy(headers => ApiHeaders(headers))
            .AddPolicy(GraphiQLEndpoints.SecurityHeadersPolicy, headers => ApiHeaders(headers)
                .AddContentSecurityPolicy(GraphiQLContentSecurityPolicy.Build));
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<CrossOriginOptions>>((cors, settings) =>
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins(settings.Value.AllowedOrigins)
                .WithMethods(HttpMethods.Get, HttpMethods.Post)
                .WithHeaders("Authorization", "Content-Type", "Accept")
                .WithExposedHeaders(ExposedHeaders)
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return services;
    }

    /// <summary>Adds the security headers to every response, then answers CORS preflights and marks allowed cross-origin responses.</summary>
    public static IApplicationBuilder UseCloudjetHttpHardening(this IApplicationBuilder app) =>
        app.UseSecurityHeaders().UseCors();

    private static HeaderPolicyCollection ApiHeaders(HeaderPolicyCollection headers) =>
        headers
            .AddDefaultApiSecurityHeaders()

            // Any answer may carry personal data: no browser, proxy or CDN may keep a copy.
            .AddCustomHeader("Cache-Control", "no-store");
}
