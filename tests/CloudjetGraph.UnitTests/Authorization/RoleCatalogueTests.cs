using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Fields;

namespace CloudjetGraph.UnitTests.Authorization;

/// <summary>Roles are configuration: a staff role exists when RowScopes names it, and only then.</summary>
public sealed class RoleCatalogueTests
{
    [Fact]
    public void Roles_DefaultConfiguration_AreBuiltInsAroundTheConfiguredStaffInOrder()
    {
        var matrix = FieldMatrixParser.Parse(DefaultMatrix.Options(), out _);

        Assert.Equal(["anonymous", "owner", "management", "sales", "support", "keyCustodian"], matrix.Roles.Select(role => role.Name));
        Assert.Equal(["management", "sales", "support"], matrix.Roles.Where(matrix.IsStaff).Select(role => role.Name));
    }

    [Fact]
    public void Parse_RoleNamedOnlyInConfiguration_ExistsIsStaffAndReadsItsFields()
    {
        var options = DefaultMatrix.Options();
        options.RowScopes["auditor"] = "All";
        options.Fields["id"]["auditor"] = "Read";
        options.Fields["phone"]["auditor"] = "Masked";

        var matrix = FieldMatrixParser.Parse(options, out var errors);

        Assert.Empty(errors);
        Assert.True(matrix.TryFindRole("auditor", out var auditor));
        Assert.True(matrix.IsStaff(auditor));
        Assert.Equal((FieldAccess.Masked, FieldAccess.None, RowScope.All), (matrix.AccessOf(auditor, ProfileField.Phone), matrix.AccessOf(auditor, ProfileField.Skype), matrix.ScopeOf(auditor)));
    }

    [Theory]
    [InlineData("Management")]
    [InlineData("MANAGEMENT")]
    [InlineData(" management")]
    [InlineData("")]
    public void TryFindRole_NameNotExactlyAsConfigured_FindsNothing(string name)
    {
        var matrix = FieldMatrixParser.Parse(DefaultMatrix.Options(), out _);

        Assert.False(matrix.TryFindRole(name, out _));
    }

    [Fact]
    public void IsStaff_BuiltInRolesWithoutRowScope_AreNotStaff()
    {
        var matrix = FieldMatrixParser.Parse(DefaultMatrix.Options(), out _);

        Assert.All(Role.BuiltIn, role => Assert.False(matrix.IsStaff(role)));
    }
}
