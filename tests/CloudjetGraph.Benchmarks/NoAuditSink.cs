using CloudjetGraph.Core.Audit;

namespace CloudjetGraph.Benchmarks;

/// <summary>
/// The trail switched off, for the baseline of <see cref="AuditTrailPageBenchmarks"/> only: it
/// drops every entry. It exists in this assembly alone, so no build of the gateway and no setting
/// can turn the audit trail off.
/// </summary>
internal sealed class NoAuditSink : IAuditSink
{
    public Task AppendAsync(IReadOnlyList<AuditEntryDraft> entries, CancellationToken cancellationToken) => Task.CompletedTask;
}
