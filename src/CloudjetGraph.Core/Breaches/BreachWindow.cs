using System.Globalization;

namespace CloudjetGraph.Core.Breaches;

/// <summary>How a breach report's window is recorded as its audit entry's target.</summary>
public static class BreachWindow
{
    /// <summary><c>FROM..TO</c> in ISO 8601 UTC, with <c> subject S</c> when one staff subject was asked for.</summary>
    public static string Describe(DateTimeOffset from, DateTimeOffset to, string? subject) =>
        string.Create(CultureInfo.InvariantCulture, $"{from.UtcDateTime:O}..{to.UtcDateTime:O}") + (subject is null ? string.Empty : $" subject {subject}");
}
