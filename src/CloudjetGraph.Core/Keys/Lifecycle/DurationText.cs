using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CloudjetGraph.Core.Keys.Lifecycle;

/// <summary>
/// Waiting periods as custodians write them: a whole number of days or hours, <c>7d</c> or
/// <c>24h</c>. Nothing finer or mixed, so that a period is read the same way by everyone.
/// </summary>
public static class DurationText
{
    /// <summary>What a usage error shows.</summary>
    public const string Usage = "a whole number of days or hours, like 7d or 24h";

    // About 27 years: far past any waiting period, and no TimeSpan overflow.
    private const int MaxNumber = 9999;

    /// <summary>Reads <paramref name="text"/>; false with a reason for anything else.</summary>
    public static bool TryParse(string? text, out TimeSpan duration, [NotNullWhen(false)] out string? error)
    {
        duration = default;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length < 2)
        {
            error = $"'{Quote(text)}' is not a duration: write {Usage}.";
            return false;
        }

        var unit = char.ToLowerInvariant(trimmed[^1]);
        var digits = trimmed[..^1];
        if (unit is not ('d' or 'h') || !digits.All(char.IsAsciiDigit)
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > MaxNumber)
        {
            error = $"'{Quote(text)}' is not a duration: write {Usage} (at most {MaxNumber}).";
            return false;
        }

        duration = unit == 'd' ? TimeSpan.FromDays(number) : TimeSpan.FromHours(number);
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
