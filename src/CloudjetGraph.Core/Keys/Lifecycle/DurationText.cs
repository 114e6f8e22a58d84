using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CloudjetGraph.Core.Keys.Lifecycle;

/// <summary>
/// Durations as custodians write them: a whole number and one unit, <c>7d</c>, <c>24h</c>, and for
/// the custodian tool's delays also <c>90m</c> or <c>30s</c>. Nothing mixed or fractional, so that a
/// duration is read the same way by everyone. One parser for every duration the tool and the
/// gateway take; waiting periods over GraphQL take days or hours only.
/// </summary>
public static class DurationText
{
    /// <summary>What a usage error shows for a waiting period (days or hours).</summary>
    public const string Usage = "a whole number of days or hours, like 7d or 24h";

    /// <summary>What a usage error shows for a custodian tool's duration (days, hours, minutes or seconds).</summary>
    public const string ToolUsage = "a whole number of days, hours, minutes or seconds, like 7d, 24h, 90m or 30s";

    // About 27 years: far past any waiting period, and no TimeSpan overflow.
    private const int MaxNumber = 9999;

    /// <summary>Reads a waiting period, whole days or hours; false with a reason for anything else.</summary>
    public static bool TryParse(string? text, out TimeSpan duration, [NotNullWhen(false)] out string? error) =>
        TryParse(text, finer: false, out duration, out error);

    /// <summary>Reads a custodian tool's duration, whole days, hours, minutes or seconds; false with a reason for anything else.</summary>
    public static bool TryParseToolDuration(string? text, out TimeSpan duration, [NotNullWhen(false)] out string? error) =>
        TryParse(text, finer: true, out duration, out error);

    private static bool TryParse(string? text, bool finer, out TimeSpan duration, [NotNullWhen(false)] out string? error)
    {
        var usage = finer ? ToolUsage : Usage;
        duration = default;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length < 2)
        {
            error = $"'{Quote(text)}' is not a duration: write {usage}.";
            return false;
        }

        var unit = char.ToLowerInvariant(trimmed[^1]);
        var digits = trimmed[..^1];
        if (!(unit is 'd' or 'h' || (finer && unit is 'm' or 's')) || !digits.All(char.IsAsciiDigit)
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > MaxNumber)
        {
            error = $"'{Quote(text)}' is not a duration: write {usage} (at most {MaxNumber}).";
            return false;
        }

        duration = unit switch
        {
            'd' => TimeSpan.FromDays(number),
            'h' => TimeSpan.FromHours(number),
            'm' => TimeSpan.FromMinutes(number),
            _ => TimeSpan.FromSeconds(number),
        };
        error = null;
        return true;
    }

    /// <summary>Writes <paramref name="duration"/> in days when whole, else in hours, else as a TimeSpan.</summary>
    public static string Format(TimeSpan duration) =>
        duration.Ticks % TimeSpan.TicksPerDay == 0 ? $"{duration.Days.ToString(CultureInfo.InvariantCulture)}d"
        : duration.Ticks % TimeSpan.TicksPerHour == 0 ? $"{((long)duration.TotalHours).ToString(CultureInfo.InvariantCulture)}h"
        : duration.ToString("c", CultureInfo.InvariantCulture);

    // A usage error quotes what was typed, kept short so that a pasted secret is not echoed whole.
    private static string Quote(string? text) => text is null ? string.Empty : text.Length <= 16 ? text : text[..16] + "…";
}
