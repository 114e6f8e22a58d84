using CloudjetGraph.Core.Keys.Lifecycle;

namespace CloudjetGraph.UnitTests.Keys.Lifecycle;

/// <summary>Durations as custodians type them: whole days or hours for a waiting period, also minutes or seconds for the tool, and a clear usage error for anything else.</summary>
public sealed class DurationTextTests
{
    [Theory]
    [InlineData("7d", 7 * 24)]
    [InlineData("24h", 24)]
    [InlineData("1h", 1)]
    [InlineData(" 30D ", 30 * 24)]
    [InlineData("0h", 0)]
    [InlineData("9999d", 9999 * 24)]
    public void TryParse_WholeDaysOrHours_GivesTheDuration(string text, int hours)
    {
        Assert.True(DurationText.TryParse(text, out var duration, out var error));
        Assert.Equal(TimeSpan.FromHours(hours), duration);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("d")]
    [InlineData("")]
    [InlineData("7days")]
    [InlineData("1.5d")]
    [InlineData("-1d")]
    [InlineData("+1d")]
    [InlineData("7m")]
    [InlineData("1d12h")]
    [InlineData("10000d")]
    [InlineData("99999999999999999999h")]
    [InlineData("٣d")]
    [InlineData("7.00:00:00")]
    public void TryParse_Malformed_GivesAUsageError(string text)
    {
        Assert.False(DurationText.TryParse(text, out var duration, out var error));
        Assert.Equal(TimeSpan.Zero, duration);
        Assert.Contains("is not a duration: write a whole number of days or hours, like 7d or 24h", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7d", 7 * 24 * 60 * 60)]
    [InlineData("24h", 24 * 60 * 60)]
    [InlineData("90m", 90 * 60)]
    [InlineData(" 30S ", 30)]
    [InlineData("0s", 0)]
    public void TryParseToolDuration_WholeNumberAndUnit_GivesTheDuration(string text, int seconds)
    {
        Assert.True(DurationText.TryParseToolDuration(text, out var duration, out var error));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("90")]
    [InlineData("1.5h")]
    [InlineData("-1m")]
    [InlineData("1h30m")]
    [InlineData("00:30:00")]
    [InlineData("7w")]
    public void TryParseToolDuration_Malformed_GivesAUsageError(string text)
    {
        Assert.False(DurationText.TryParseToolDuration(text, out var duration, out var error));
        Assert.Equal(TimeSpan.Zero, duration);
        Assert.Contains("is not a duration: write a whole number of days, hours, minutes or seconds, like 7d, 24h, 90m or 30s", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Null_GivesAUsageError()
    {
        Assert.False(DurationText.TryParse(null, out _, out var error));
        Assert.Equal("'' is not a duration: write a whole number of days or hours, like 7d or 24h.", error);
    }

    [Fact]
    public void TryParse_LongInput_QuotesOnlyItsStart()
    {
        Assert.False(DurationText.TryParse("secret-token-abcdefghijklmnop", out _, out var error));
        Assert.StartsWith("'secret-token-abc…' is not a duration", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7 * 24, "7d")]
    [InlineData(36, "36h")]
    [InlineData(0, "0d")]
    public void Format_WholeHours_WritesDaysWhenWhole(int hours, string text)
    {
        Assert.Equal(text, DurationText.Format(TimeSpan.FromHours(hours)));
    }

    [Fact]
    public void Format_PartOfAnHour_WritesATimeSpan()
    {
        Assert.Equal("00:30:00", DurationText.Format(TimeSpan.FromMinutes(30)));
    }
}
