using CloudjetGraph.Core.Privacy;
using CloudjetGraph.Core.Profiles;

namespace CloudjetGraph.UnitTests.Profiles;

/// <summary>When an owner behind the current policy version is held: literal dates, no host.</summary>
public sealed class ReconsentRuleTests
{
    private static readonly PolicyVersion Current = new("2026-07-01", new DateOnly(2026, 7, 1), null, new string('a', 64));
    private static readonly TimeSpan Grace = TimeSpan.FromDays(30);

    [Theory]
    [InlineData("2026-07-31T00:00:00Z", "2019-04-22", false)]
    [InlineData("2026-07-31T00:00:00.001Z", "2019-04-22", true)]
    [InlineData("2026-12-06T00:00:00Z", "2019-04-22", true)]
    [InlineData("2026-12-06T00:00:00Z", "2026-07-01", false)]
    [InlineData("2026-06-30T23:59:59Z", "2019-04-22", false)]
    [InlineData("2026-12-06T00:00:00Z", null, true)]
    public void IsRequired_AtTime_HoldsOnlyOwnersBehindPastTheGracePeriod(string now, string? accepted, bool required)
    {
        Assert.Equal(required, ReconsentRule.IsRequired(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), Current, Grace, accepted));
    }

    [Fact]
    public void IsRequired_ZeroGrace_HoldsFromTheFirstMomentAfterMidnightUtc()
    {
        Assert.False(ReconsentRule.IsRequired(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), Current, TimeSpan.Zero, "2019-04-22"));
        Assert.True(ReconsentRule.IsRequired(new DateTimeOffset(2026, 7, 1, 7, 0, 1, TimeSpan.FromHours(7)), Current, TimeSpan.Zero, "2019-04-22"));
    }
}
