using System.Diagnostics;
using System.Globalization;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Keys;
using CloudjetGraph.Core.Keys.Jobs;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Benchmarks;

/// <summary>
/// <c>key-jobs --job rewrap|rekey --profiles N [--batch B]</c>: one key job over N seeded profiles, timed, in
/// a process of its own.
/// <para>
/// Why a console verb and not a BenchmarkDotNet job: a 1M-row job is one run of minutes, so there
/// are no iterations to take statistics over, and peak memory is a property of a process. One size
/// per process makes <see cref="Process.PeakWorkingSet64"/> that size's own; seeding runs in a child
/// process (or not at all when the seeded folder is cached), so the peak is the job's and the
/// host's, not the seeding's.
/// </para>
/// </summary>
public static class KeyJobBenchmark
{
    public const string Verb = "key-jobs";

    // Profiles opened through the gateway's read path after the job; the password hash is checked on fewer (PBKDF2).
    private const int Sample = 50;
    private const int PasswordSample = 3;

    public static async Task<int> RunAsync(string job, int profiles, int batchSize)
    {
        var cache = KeyJobBenchFolder.SeedCache(profiles);
        if (!cache.IsSeeded && await BenchProcess.RunSelfAsync(Verb, "seed", "--profiles", profiles.ToString(CultureInfo.InvariantCulture)) != 0)
        {
            await Console.Error.WriteLineAsync("key-jobs: seeding failed.");
            return 1;
        }

        var folder = cache.CopyTo(Path.Combine(Path.GetTempPath(), "cloudjet-key-jobs-bench", $"run-{job}-{profiles}"));
        try
        {
            var result = await MeasureAsync(folder, job, batchSize);
            await VerifyAsync(folder, job, profiles, result.NewWrappingKeyId);
            Console.WriteLine(result.Describe(job, profiles, batchSize));
            return 0;
        }
        finally
        {
            folder.Delete();
        }
    }

    /// <summary>The child process: seeds the cached folder of one size.</summary>
    public static async Task<int> SeedAsync(int profiles)
    {
        var cache = KeyJobBenchFolder.SeedCache(profiles);
        var took = await cache.SeedAfreshAsync(folder => KeyJobSeeder.SeedAsync(folder, profiles));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"key-jobs: seeded {profiles:N0} profiles in {took.TotalSeconds:F0} s into {cache.Path}"));
        return 0;
    }

    private static async Task<KeyJobMeasurement> MeasureAsync(KeyJobBenchFolder folder, string job, int batchSize)
    {
        using var host = folder.BuildHost();
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        Guid? newWrappingKeyId = job == KeyJobKinds.Rewrap ? await RotatePersonKeyWrappingAsync(services) : null;
        await services.GetRequiredService<KeyJobPreparation>().PrepareAsync(CancellationToken.None);
        var runner = services.GetRequiredService<KeyJobRunner>();

        // The Cli's own request, no rate cap.
        var request = new KeyJobRequest(job, job == KeyJobKinds.Rewrap ? "all" : RekeyScope.All.Name) { BatchSize = batchSize };
        Func<DateTimeOffset, IKeyJobStep> createStep = job == KeyJobKinds.Rewrap
            ? _ => services.GetRequiredService<PersonKeyRewrapStep>()
            : startedAt => ActivatorUtilities.CreateInstance<ProfileRekeyStep>(services, RekeyScope.All, startedAt);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var heap = new HeapHighWater();
        var loadBefore = BenchProcess.LoadAverage();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var outcome = await runner.RunAsync(request, createStep, progress: null, CancellationToken.None);
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        using var process = Process.GetCurrentProcess();
        if (!outcome.Finished || outcome.Progress.Conflicts != 0)
        {
            throw new InvalidOperationException($"The {job} did not finish cleanly: {outcome.Progress}.");
        }

        return new KeyJobMeasurement(outcome.Progress.Examined, outcome.Progress.Changed, clock.Elapsed, process.PeakWorkingSet64, heap.Stop(), allocated, loadBefore, BenchProcess.LoadAverage(), newWrappingKeyId);
    }

    // keys rotate-data --purpose person-keys, through the same Core service as the Cli.
    private static async Task<Guid> RotatePersonKeyWrappingAsync(IServiceProvider services) =>
        (await services.GetRequiredService<DataKeyRotation>().RotateAsync(OperationActor.Cli(), DataKeyPurpose.PersonKeyWrapping, CancellationToken.None)).NewKeyId;

    // After the job, in a new host: every key moved (rewrap) or one new key per profile (rekey), and a
    // sample of profiles found by blind index and opened as the gateway opens them.
    private static async Task VerifyAsync(KeyJobBenchFolder folder, string job, int profiles, Guid? newWrappingKeyId)
    {
        using var host = folder.BuildHost();
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<KeyJobPreparation>().PrepareAsync(CancellationToken.None);
        await using var keyStore = await services.GetRequiredService<IDbContextFactory<KeyStoreDbContext>>().CreateDbContextAsync();
        var db = services.GetRequiredService<CloudjetDbContext>();
        var profileCount = await db.Profiles.CountAsync();
        var keyCount = await keyStore.PersonKeys.CountAsync();
        if (keyCount != profileCount)
        {
            throw new InvalidOperationException($"{keyCount} person keys for {profileCount} profiles after the {job}.");
        }

        if (newWrappingKeyId is { } wrappingKeyId && await keyStore.PersonKeys.CountAsync(k => k.WrappingKeyId != wrappingKeyId) is > 0 and var left)
        {
            throw new InvalidOperationException($"{left} person keys are not under the new wrapping key after the rewrap.");
        }

        var checker = ActivatorUtilities.CreateInstance<KeyJobBenchChecker>(services);
        for (var k = 0; k < Sample; k++)
        {
            await checker.CheckAsync((int)((long)k * profiles / Sample), checkPassword: k < PasswordSample);
        }
    }
}
