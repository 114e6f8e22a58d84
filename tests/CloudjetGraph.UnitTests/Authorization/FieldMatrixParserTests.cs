using CloudjetGraph.Core.Authorization;

namespace CloudjetGraph.UnitTests.Authorization;

public sealed class FieldMatrixParserTests
{
    private readonly FieldMatrix _matrix;
    private readonly IReadOnlyList<string> _errors;

    public FieldMatrixParserTests()
    {
        _matrix = FieldMatrixParser.Parse(DefaultMatrix.Options(), out _errors);
    }

    [Fact]
    public void Parse_DefaultMatrix_HasNoErrors()
    {
        Assert.Empty(_errors);
    }

    [Theory]
    [InlineData(Role.Support, ProfileField.Phone, FieldAccess.Masked)]
    [InlineData(Role.Sales, ProfileField.Phone, FieldAccess.Read)]
    [InlineData(Role.Management, ProfileField.Phone, FieldAccess.Read)]
    [InlineData(Role.Owner, ProfileField.Phone, FieldAccess.Edit)]
    [InlineData(Role.Sales, ProfileField.Skype, FieldAccess.None)]
    [InlineData(Role.Support, ProfileField.Skype, FieldAccess.Read)]
    [InlineData(Role.Sales, ProfileField.LoginEmail, FieldAccess.None)]
    [InlineData(Role.Sales, ProfileField.Consent, FieldAccess.None)]
    [InlineData(Role.Owner, ProfileField.FullName, FieldAccess.Edit)]
    [InlineData(Role.Owner, ProfileField.LoginEmail, FieldAccess.Read)]
    [InlineData(Role.Owner, ProfileField.Id, FieldAccess.Read)]
    [InlineData(Role.Anonymous, ProfileField.Id, FieldAccess.None)]
    [InlineData(Role.Anonymous, ProfileField.FullName, FieldAccess.None)]
    public void AccessOf_DefaultMatrix_ReturnsConfiguredLevel(Role role, ProfileField field, FieldAccess expected)
    {
        Assert.Equal(expected, _matrix.AccessOf(role, field));
    }

    [Fact]
    public void AccessOf_KeyCustodian_IsNoneForEveryField()
    {
        var levels = Enum.GetValues<ProfileField>().Select(field => _matrix.AccessOf(Role.KeyCustodian, field)).Distinct();

        Assert.Equal([FieldAccess.None], levels);
    }

    [Theory]
    [InlineData(Role.Owner, RowScope.Own)]
    [InlineData(Role.Management, RowScope.All)]
    [InlineData(Role.Sales, RowScope.AssignedOrganizations)]
    [InlineData(Role.Support, RowScope.AssignedOrganizations)]
    [InlineData(Role.KeyCustodian, RowScope.None)]
    [InlineData(Role.Anonymous, RowScope.None)]
    public void ScopeOf_DefaultMatrix_ReturnsConfiguredScope(Role role, RowScope expected)
    {
        Assert.Equal(expected, _matrix.ScopeOf(role));
    }

    [Fact]
    public void RolesWith_MaskedPhone_IsOnlySupport()
    {
        Assert.Equal([Role.Support], _matrix.RolesWith(ProfileField.Phone, FieldAccess.Masked));
    }

    [Fact]
    public void Parse_LowerCaseAccessLevel_IsAccepted()
    {
        var options = DefaultMatrix.Options();
        options.Fields["phone"]["sales"] = "masked";

        var matrix = FieldMatrixParser.Parse(options, out var errors);

        Assert.Empty(errors);
        Assert.Equal(FieldAccess.Masked, matrix.AccessOf(Role.Sales, ProfileField.Phone));
    }

    [Fact]
    public void Parse_AnonymousExplicitlyDeniedPersonalField_IsAccepted()
    {
        var options = DefaultMatrix.Options();
        options.Fields["fullName"]["anonymous"] = "None";

        var matrix = FieldMatrixParser.Parse(options, out var errors);

        Assert.Empty(errors);
        Assert.Equal(FieldAccess.None, matrix.AccessOf(Role.Anonymous, ProfileField.FullName));
    }

    [Fact]
    public void Parse_NullOptions_ThrowsArgumentNullException()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => FieldMatrixParser.Parse(null!, out _));

        Assert.Equal("options", exception.ParamName);
    }
}
