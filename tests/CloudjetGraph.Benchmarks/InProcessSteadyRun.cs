using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CloudjetGraph.Benchmarks;

/// <summary>
/// In process (see <see cref="InProcessShortRun"/>) with 15 measured iterations instead of 3: on
/// two cores shared with other builds, three iterations of a whole-host request gave ratios whose
/// standard deviation was larger than the ratios themselves.
/// </summary>
internal sealed class InProcessSteadyRun : ManualConfig
{
    public InProcessSteadyRun() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15));
}
