extern alias api;

using CloudjetGraph.Core.Audit;
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

    public BenchmarkGateway(bool trail)
    {
        _trail = trail;

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
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
