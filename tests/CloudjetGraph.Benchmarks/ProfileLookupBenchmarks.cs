using BenchmarkDotNet.Attributes;
using CloudjetGraph.Core;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Benchmarks;

/// <summary>
/// <c>profile(id)</c>'s row lookup, as management (every profile) and as sales (assigned
/// organisations), from a real SQLite file: the compiled lookup the gateway uses against the
/// same scope composed as a LINQ query on every call (the baseline), each in its own request scope.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessSteadyRun))]
public class ProfileLookupBenchmarks : IDisposable
{
    private readonly KeyJobBenchFolder _folder = new(Path.Combine(Path.GetTempPath(), "cloudjet-bench-" + Guid.NewGuid().ToString("N")));
    private IHost _host = null!;
    private Caller _caller = null!;
    private Guid _profileId;

    [Params("management", "sales")]
    public string CallerRole { get; set; } = "management";

    [GlobalSetup]
    public void Setup()
    {
        _host = _folder.BuildHost();
        _host.Services.InitializeCloudjetAsync().GetAwaiter().GetResult();
        var organization = DemoDataSeeder.Organizations[0].Id;
        _caller = CallerRole == "sales"
            ? new Caller(new Role("sales"), "sales-demo", new HashSet<Guid> { organization, DemoDataSeeder.Organizations[1].Id })
            : new Caller(new Role("management"), "management-demo", new HashSet<Guid>());
        using var scope = _host.Services.CreateScope();
        _profileId = scope.ServiceProvider.GetRequiredService<CloudjetDbContext>().Profiles.Where(p => p.OrganizationId == organization).Select(p => p.Id).First();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _host.Dispose();
        _folder.Delete();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public async Task<Guid?> ScopedLinqQuery()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CloudjetDbContext>();
        var visibility = scope.ServiceProvider.GetRequiredService<ProfileVisibility>();
        var profile = await visibility.Profiles(db.Profiles.AsNoTracking().Include(p => p.Organization), _caller).SingleOrDefaultAsync(p => p.Id == _profileId);
        return profile?.Id;
    }

    [Benchmark]
    public async Task<Guid?> CompiledLookup()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CloudjetDbContext>();
        var visibility = scope.ServiceProvider.GetRequiredService<ProfileVisibility>();
        var profile = await visibility.FindAsync(db, _caller, _profileId, withOrganization: true, CancellationToken.None);
        return profile?.Id;
    }
}
