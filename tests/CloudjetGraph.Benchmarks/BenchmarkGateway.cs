extern alias api;

using System.Net.Http.Headers;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authentication;
using CloudjetGraph.Core.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Benchmarks;

/// <summary>The real gateway in Development on its own SQLite file and demo data, with the audit trail on or replaced by <see cref="NoAuditSink"/>.</summary>
internal sealed class BenchmarkGateway : WebApplicationFactory<api::Program>
{
    private readonly bool _trail;
    private readonly Action<IServiceCollection>? _substitute;

    /// <param name="trail">False puts <see cref="NoAuditSink"/> in place of the audit trail.</param>
    /// <param name="substitute">Further benchmark-only replacements (e.g. <see cref="NoOpFieldCipher"/>).</param>
    public BenchmarkGateway(bool trail, Action<IServiceCollection>? substitute = null)
    {
        _trail = trail;
        _substitute = substitute;

        // BenchmarkDotNet runs a generated copy under bin/, where the factory's guess of the content root fails.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CLOUDJETGRAPH_API", Path.GetDirectoryName(GatewaySettings.Path()));
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "cloudjet-bench-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Cloudjet", $"Data Source={Path.Combine(Folder, "cloudjet.db")}");
        builder.UseSetting("DataProtection:KeyRingPath", Path.Combine(Folder, "keys"));

        // The per-minute cap on personal records would refuse a benchmark's thousands of pages.
        builder.UseSetting("RateLimits:PersonalRecordsPerMinute", "10000000");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (!_trail)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<IAuditSink, NoAuditSink>());
        }

        if (_substitute is not null)
        {
            builder.ConfigureTestServices(_substitute);
        }
    }

    /// <summary>A client that sends a development staff token of the gateway's own signing key.</summary>
    public HttpClient CreateClient(string subject, Role role)
    {
        var client = CreateClient();
        var token = Services.GetRequiredService<TokenIssuer>().Issue(subject, role, TimeSpan.FromHours(2)).Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
