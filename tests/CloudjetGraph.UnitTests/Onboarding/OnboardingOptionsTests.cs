using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Onboarding;

namespace CloudjetGraph.UnitTests.Onboarding;

public sealed class OnboardingOptionsTests
{
    [Fact]
    public void TryParseRoles_StaffRolesWithSpaces_ParsesEach()
    {
        var options = new OnboardingOptions { Roles = " management, Sales " };

        Assert.True(options.TryParseRoles(out var roles));
        Assert.Equal(new HashSet<Role> { Role.Management, Role.Sales }, roles);
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("anonymous")]
    [InlineData("management,intern")]
    [InlineData(" , ")]
    public void TryParseRoles_NotOnlyStaffRoles_Fails(string setting)
    {
        Assert.False(new OnboardingOptions { Roles = setting }.TryParseRoles(out _));
    }
}
