using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// The test server has no sockets, so every request comes from no address. A request that carries
/// <see cref="Header"/> comes from the address it names, as if from a real client, so that tests can
/// speak for many clients.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    /// <summary>The request header naming the client address.</summary>
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Headers[Header] is [{ } address])
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address);
            }

            return following(context);
        });
        next(app);
    };
}
