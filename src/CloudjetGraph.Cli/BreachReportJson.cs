namespace CloudjetGraph.Cli;

/// <summary><c>audit report --format json</c>: one document, <c>profiles</c> in id order, each with its <c>contactEmail</c>, <c>confidentialUntil</c> (a disclosure under a hold still in force) and <c>readers</c>.</summary>
internal static class BreachReportJson
{
    /// <summary>The document, for <see cref="CliOutput"/> to write.</summary>
    public static object Document(BreachReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new
        {
            from = report.From.UtcDateTime,
            to = report.To.UtcDateTime,
            subject = report.Subject,
            profiles = report.Profiles.Select(p => new
            {
                profileId = p.ProfileId,
                contactEmail = report.Emails.GetValueOrDefault(p.ProfileId),
                confidentialUntil = p.ConfidentialUntil?.UtcDateTime,
                readers = p.Readers,
            }),
        };
    }
}
