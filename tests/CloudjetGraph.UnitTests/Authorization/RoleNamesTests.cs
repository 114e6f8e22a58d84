using CloudjetGraph.Core.Authorization;

namespace CloudjetGraph.UnitTests.Authorization;

public sealed class RoleNamesTests
{
    [Theory]
    [InlineData(Role.Anonymous, "anonymous")]
    [InlineData(Role.Owner, "owner")]
    [InlineData(Role.Management, "management")]
    [InlineData(Role.Sales, "sales")]
    [InlineData(Role.Support, "support")]
    [InlineData(Role.KeyCustodian, "keyCustodian")]
    public void Of_Role_ReturnsCamelCaseName(Role role, string expected)
    {
        Assert.Equal(expected, RoleNames.Of(role));
    }

    [Fact]
    public void TryParse_NameOfEveryRole_ReturnsSameRole()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            Assert.True(RoleNames.TryParse(RoleNames.Of(role), out var parsed));
            Assert.Equal(role, parsed);
        }
    }

    [Theory]
    [InlineData("KEYCUSTODIAN", Role.KeyCustodian)]
    [InlineData("KeyCustodian", Role.KeyCustodian)]
    [InlineData("keycustodian", Role.KeyCustodian)]
    [InlineData("Sales", Role.Sales)]
    [InlineData("OWNER", Role.Owner)]
    public void TryParse_OtherCase_ReturnsRole(string name, Role expected)
    {
        Assert.True(RoleNames.TryParse(name, out var role));
        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData("intern")]
    [InlineData("key_custodian")]
    [InlineData(" sales")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_UnknownName_ReturnsFalse(string? name)
    {
        Assert.False(RoleNames.TryParse(name, out _));
    }

    [Fact]
    public void Staff_ListsStaffRolesOnly()
    {
        Assert.Equal([Role.Management, Role.Sales, Role.Support, Role.KeyCustodian], RoleNames.Staff);
    }
}
