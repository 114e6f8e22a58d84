namespace CloudjetGraph.Core.Audit;

/// <summary>Where audit entries go: the chained trail (<see cref="AuditTrailWriter"/>). An interface only so the benchmark can measure the gateway without it.</summary>
public interface IAuditSink
{
    /// <summary>Appends <paramref name="entries"/> to the trail and completes once they are committed (durable).</summary>
    /// <exception cref="AuditTrailUnavailableException">The trail could not be written; nothing of this call was appended.</exception>
    internal Task AppendAsync(IReadOnlyList<AuditEntryDraft> entries, CancellationToken cancellationToken);
}
