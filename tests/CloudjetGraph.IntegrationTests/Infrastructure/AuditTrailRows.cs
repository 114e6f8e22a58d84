using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>Audit entries as stored, read through the gateway's own context.</summary>
public static class AuditTrailRows
{
    /// <summary>Every entry of <paramref name="kind"/> recorded for GraphQL operation <paramref name="operation"/>, oldest first, with their profile rows.</summary>
    public static List<AuditEntry> Of(CloudjetApplication app, string kind, string operation) =>
        app.WithDb(db => db.AuditEntries.AsNoTracking().Include(e => e.Profiles).Where(e => e.Kind == kind && e.Operation == operation).OrderBy(e => e.Sequence).ToList());

    /// <summary>The single release entry of <paramref name="operation"/>.</summary>
    public static AuditEntry Release(CloudjetApplication app, string operation) => Assert.Single(Of(app, AuditEntryKinds.Release, operation));

    /// <summary>A fresh GraphQL operation name, so a test finds its own entries in a shared host.</summary>
    public static string NewOperation(string prefix) => prefix + Guid.NewGuid().ToString("N");

    /// <summary>How many entries and profile rows the trail holds: what a flood of requests could grow.</summary>
    public static (int Entries, int ProfileRows) Count(CloudjetApplication app) => app.WithDb(db => (db.AuditEntries.Count(), db.AuditEntryProfiles.Count()));

    /// <summary>The highest sequence number, 0 when empty.</summary>
    public static long Head(CloudjetApplication app) => app.WithDb(db => db.AuditEntries.Max(e => (long?)e.Sequence) ?? 0);
}
