using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CloudjetGraph.IntegrationTests.Protection;

/// <summary>
/// The gateway on a fake clock (starting now) whose key store context counts its person key queries,
/// so a test can expire the key cache and see how many queries a page costs.
/// </summary>
public sealed class KeyStoreQueryCountingApplication : CloudjetApplication
{
    public KeyStoreQueryCountingApplication()
    {
        Clock = FakeClock;
    }

    public FakeTimeProvider FakeClock { get; } = new(DateTimeOffset.UtcNow);

    public KeyStoreQueryCounter Queries { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<KeyStoreDbContext>(options => options.AddInterceptors(Queries)));
    }
}
