using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// The gateway on a real Kestrel server bound to 127.0.0.1 on a free port, for clients outside the
/// process such as a browser; settings, logs and tokens work as on <see cref="CloudjetApplication"/>.
/// </summary>
public sealed class KestrelCloudjetApplication : CloudjetApplication
{
    /// <summary>The server's address, <c>http://127.0.0.1:PORT</c>, once started.</summary>
    public Uri Address { get; private set; } = null!;

    public override Task InitializeAsync()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        Address = new Uri(addresses.Single());
        return Task.CompletedTask;
    }
}
