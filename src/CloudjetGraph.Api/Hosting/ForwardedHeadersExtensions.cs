using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.Hosting;

/// <summary>
/// The client's address behind trusted reverse proxies, through ASP.NET Core's forwarded-headers
/// middleware: with <see cref="TrustedProxyOptions"/> set, a request from a listed proxy takes its
/// client address from <c>X-Forwarded-For</c>, and rate limits and the trail see that address.
/// </summary>
internal static class ForwardedHeadersExtensions
{
    public static IServiceCollection AddCloudjetForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<TrustedProxyOptions>().BindConfiguration(TrustedProxyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((forwarded, trusted) =>
        {
            // Only the address: the gateway builds no URL from the scheme or host.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            forwarded.ForwardLimit = trusted.Value.ForwardLimit;

            // The framework trusts loopback by default; only configured sources may speak for clients.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in trusted.Value.ProxyAddresses())
            {
                forwarded.KnownProxies.Add(proxy);
            }

            foreach (var network in trusted.Value.ProxyNetworks())
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    /// <summary>Reads <c>X-Forwarded-For</c> from trusted proxies; with none configured, adds nothing and the header changes nothing.</summary>
    public static IApplicationBuilder UseCloudjetForwardedHeaders(this IApplicationBuilder app)
    {
        return app.ApplicationServices.GetRequiredService<IOptions<TrustedProxyOptions>>().Value.TrustsAnyProxy
            ? app.UseForwardedHeaders()
            : app;
    }
}
