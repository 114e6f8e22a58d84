using CloudjetGraph.Core.Keys.Jobs;

namespace CloudjetGraph.Cli;

/// <summary>Reports progress on the caller's thread, unlike <see cref="Progress{T}"/>, so the display never runs behind the job.</summary>
internal sealed class SynchronousProgress(Action<KeyJobProgress> report) : IProgress<KeyJobProgress>
{
    public void Report(KeyJobProgress value) => report(value);
}
