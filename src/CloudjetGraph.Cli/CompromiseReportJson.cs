namespace CloudjetGraph.Cli;

/// <summary>
/// <c>audit report --compromise</c> as JSON: the notification's fields (<c>window</c>, <c>scope</c>,
/// <c>dataCategories</c>, <c>people</c>, <c>measures</c>, <c>madeAt</c>), then <c>affected</c>: each person in id order, profiles first.
/// </summary>
internal static class CompromiseReportJson
{
    /// <summary>The document, for <see cref="CliOutput"/> to write.</summary>
    public static object Document(CompromiseReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new
        {
            report = "compromise",
            madeAt = report.MadeAt.UtcDateTime,
            window = new { from = report.From.UtcDateTime, to = report.To.UtcDateTime },
            scope = new { held = CompromiseReport.Scope, pairingId = report.Census.PairingId },
            dataCategories = report.Census.Categories.Select(c => new { field = c.Field, form = c.Form }),
            people = new { count = report.People, invitees = report.Invitees, removed = report.Removed },
            measures = report.Census.Measures.Select(m => new { at = m.At.UtcDateTime, operation = m.Operation, target = m.Target, detail = m.Detail }),
            notes = CompromiseReport.Notes,
            affected = report.Census.Records.Select(r => new
            {
                id = r.Id,
                kind = r.Kind,
                state = r.State,
                storedSince = r.StoredSince.UtcDateTime,
                removedAt = r.RemovedAt?.UtcDateTime,
                contactEmail = report.ContactOf(r),
                issuedBy = r.IssuedBy,
            }),
        };
    }
}
