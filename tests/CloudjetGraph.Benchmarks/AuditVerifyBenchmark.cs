using System.Diagnostics;
using System.Globalization;
using CloudjetGraph.Core.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Benchmarks;

/// <summary>
/// <c>audit-verify --entries N</c>: <c>audit verify</c> (<see cref="AuditChainVerifier"/>, the Cli's
/// service) over a trail of N seeded entries, timed, in a process of its own so that its peak
/// memory is that size's own; seeding runs in a child process, once per size, cached in the temp
/// folder. Verifying only reads, so every run uses the cached folder itself.
/// </summary>
public static class AuditVerifyBenchmark
{
    public const string Verb = "audit-verify";

    private const double MiB = 1024 * 1024;

    public static async Task<int> RunAsync(int entries)
    {
        var folder = SeedCache(entries);
        if (!folder.IsSeeded && await BenchProcess.RunSelfAsync(Verb, "seed", "--entries", entries.ToString(CultureInfo.InvariantCulture)) != 0)
        {
            await Console.Error.WriteLineAsync("audit-verify: seeding failed.");
            return 1;
        }

        using var host = folder.BuildHost();
        await using var scope = host.Services.CreateAsyncScope();
        var verifier = scope.ServiceProvider.GetRequiredService<AuditChainVerifier>();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var heap = new HeapHighWater();
        var loadBefore = BenchProcess.LoadAverage();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = await verifier.VerifyAsync(expectedHead: null, CancellationToken.None);
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var heapHighWater = heap.Stop();
        using var process = Process.GetCurrentProcess();
        if (!result.IsIntact || result.Verified < entries)
        {
            await Console.Error.WriteLineAsync($"audit-verify: the seeded chain did not verify: {result.Problem} after {result.Verified} entries.");
            return 1;
        }

        // Entries, seconds, entries/s, peak working set, heap high-water, allocated, load: one Markdown row.
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| audit verify | {result.Verified:N0} | {clock.Elapsed.TotalSeconds:F1} | {result.Verified / clock.Elapsed.TotalSeconds:N0} | {process.PeakWorkingSet64 / MiB:N0} | {heapHighWater / MiB:N0} | {allocated / MiB:N0} | {loadBefore} / {BenchProcess.LoadAverage()} |"));
        return 0;
    }

    /// <summary>The child process: seeds the cached folder of one size.</summary>
    public static async Task<int> SeedAsync(int entries)
    {
        var cache = SeedCache(entries);
        var took = await cache.SeedAfreshAsync(folder => AuditTrailSeeder.SeedAsync(folder, entries));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"audit-verify: seeded {entries:N0} entries in {took.TotalSeconds:F0} s into {cache.Path}"));
        return 0;
    }

    private static KeyJobBenchFolder SeedCache(int entries) => new(Path.Combine(Path.GetTempPath(), "cloudjet-audit-bench", $"seed-{entries}"));
}
