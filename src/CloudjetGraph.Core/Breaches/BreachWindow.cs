using System.Globalization;

namespace CloudjetGraph.Core.Breaches;

/// <summary>How a breach or compromise report's window is recorded as its audit entry's target.</summary>
public static class BreachWindow
{
    /// <summary><c>FROM..TO</c> in ISO 8601 UTC, with <c> subject S</c> when one staff subject was asked for.</summary>
    public static string Describe(DateTimeOffset from, DateTimeOffset to, string? subject) =>
        string.Create(CultureInfo.InvariantCulture, $"{from.UtcDateTime:O}..{to.UtcDateTime:O}") + (subject is null ? string.Empty : $" subject {subject}");

    /// <summary><c>compromise FROM..TO</c> in ISO 8601 UTC, both ends inclusive: a compromise report's window.</summary>
    public static string DescribeCompromise(DateTimeOffset from, DateTimeOffset to) => "compromise " + Describe(from, to, subject: null);
}
