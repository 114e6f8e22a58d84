using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CloudjetGraph.Benchmarks;

/// <summary>
/// ShortRun in process: the benchmarks that host the gateway are built from this assembly's
/// references, which BenchmarkDotNet's generated project would not carry.
/// </summary>
internal sealed class InProcessShortRun : ManualConfig
{
    public InProcessShortRun() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
}
