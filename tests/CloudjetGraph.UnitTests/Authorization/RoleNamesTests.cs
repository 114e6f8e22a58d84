using CloudjetGraph.Core.Authorization;

namespace CloudjetGraph.UnitTests.Authorization;

public sealed class RoleNamesTests
{
    [Fact]
    public void Staff_ListsStaffRolesOnly()
    {
        Assert.Equal([Role.Management, Role.Sales, Role.Support, Role.KeyCustodian], RoleNames.Staff);
    }
}
