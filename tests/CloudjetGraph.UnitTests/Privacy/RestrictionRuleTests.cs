using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Privacy;

namespace CloudjetGraph.UnitTests.Privacy;

/// <summary>Who may restrict and lift, as a pure function of who placed the standing restriction and who asks.</summary>
public sealed class RestrictionRuleTests
{
    [Theory]
    [InlineData(null, "owner", true)]
    [InlineData(null, "staff", true)]
    [InlineData("owner", "owner", false)]
    [InlineData("owner", "staff", true)]
    [InlineData("staff", "owner", false)]
    [InlineData("staff", "staff", false)]
    public void Restricts_StandingRestrictionAndPlacer_ChangesOnlyWhenNoneOrTakenOverByStaff(string? placedBy, string placer, bool changes)
    {
        Assert.Equal(changes, RestrictionRule.Restricts(placedBy, placer));
    }

    [Theory]
    [InlineData(null, "owner", false)]
    [InlineData(null, "staff", false)]
    [InlineData("owner", "owner", true)]
    [InlineData("owner", "staff", true)]
    [InlineData("staff", "staff", true)]
    public void Lifts_StandingRestrictionAndPlacer_ChangesOnlyWhatStands(string? placedBy, string placer, bool changes)
    {
        Assert.Equal(changes, RestrictionRule.Lifts(placedBy, placer));
    }

    [Fact]
    public void Lifts_OwnerAsksToLiftARestrictionStaffPlaced_NotAuthorized()
    {
        var refusal = Assert.Throws<DomainException>(() => RestrictionRule.Lifts(RestrictionPlacers.Staff, RestrictionPlacers.Owner));

        Assert.Equal(ErrorCodes.NotAuthorized, refusal.Code);
    }

    [Fact]
    public void Labels_StoredInTheConsentHistoryAndTheTrail_ArePinned()
    {
        Assert.Equal(["accuracy-contested", "no-longer-needed", "objection-pending", "processing-unlawful"], RestrictionReasons.All.Order(StringComparer.Ordinal));
        Assert.Equal(("owner", "staff"), (RestrictionPlacers.Owner, RestrictionPlacers.Staff));
        Assert.Equal(("restricted", "unrestricted"), (ConsentEventKinds.Restricted, ConsentEventKinds.Unrestricted));
    }
}
