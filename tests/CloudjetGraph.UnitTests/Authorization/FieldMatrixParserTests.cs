using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Fields;

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
    [InlineData(DefaultRole.Support, ProfileField.Phone, FieldAccess.Masked)]
    [InlineData(DefaultRole.Sales, ProfileField.Phone, FieldAccess.Masked)]
    [InlineData(DefaultRole.Management, ProfileField.Phone, FieldAccess.Read)]
    [InlineData(DefaultRole.Owner, ProfileField.Phone, FieldAccess.Edit)]
    [InlineData(DefaultRole.Sales, ProfileField.Skype, FieldAccess.None)]
    [InlineData(DefaultRole.Support, ProfileField.Skype, FieldAccess.Read)]
    [InlineData(DefaultRole.Sales, ProfileField.LoginEmail, FieldAccess.None)]
    [InlineData(DefaultRole.Sales, ProfileField.Consent, FieldAccess.None)]
    [InlineData(DefaultRole.Owner, ProfileField.FullName, FieldAccess.Edit)]
    [InlineData(DefaultRole.Owner, ProfileField.LoginEmail, FieldAccess.Read)]
    [InlineData(DefaultRole.Owner, ProfileField.Id, FieldAccess.Read)]
    [InlineData(DefaultRole.Anonymous, ProfileField.Id, FieldAccess.None)]
    [InlineData(DefaultRole.Anonymous, ProfileField.FullName, FieldAccess.None)]
    public void AccessOf_DefaultMatrix_ReturnsConfiguredLevel(DefaultRole role, ProfileField field, FieldAccess expected)
    {
        Assert.Equal(expected, _matrix.AccessOf(role.AsRole(), field));
    }

    [Fact]
    public void AccessOf_KeyCustodian_IsNoneForEveryField()
    {
        var levels = Enum.GetValues<ProfileField>().Select(field => _matrix.AccessOf(DefaultRole.KeyCustodian.AsRole(), field)).Distinct();

        Assert.Equal([FieldAccess.None], levels);
    }

    [Theory]
    [InlineData(DefaultRole.Owner, RowScope.Own)]
    [InlineData(DefaultRole.Management, RowScope.All)]
    [InlineData(DefaultRole.Sales, RowScope.AssignedOrganizations)]
    [InlineData(DefaultRole.Support, RowScope.AssignedOrganizations)]
    [InlineData(DefaultRole.KeyCustodian, RowScope.None)]
    [InlineData(DefaultRole.Anonymous, RowScope.None)]
    public void ScopeOf_DefaultMatrix_ReturnsConfiguredScope(DefaultRole role, RowScope expected)
    {
        Assert.Equal(expected, _matrix.ScopeOf(role.AsRole()));
    }

    [Fact]
    public void RolesWith_MaskedPhone_IsSalesAndSupport()
    {
        // Both serve customer care, and sales needs no more of the phone than support does.
        Assert.Equal([DefaultRole.Sales.AsRole(), DefaultRole.Support.AsRole()], _matrix.RolesWith(ProfileField.Phone, FieldAccess.Masked));
    }

    [Fact]
    public void Parse_LowerCaseAccessLevel_IsAccepted()
    {
        var options = DefaultMatrix.Options();
        options.Fields["phone"]["sales"] = "masked";

        var matrix = FieldMatrixParser.Parse(options, out var errors);

        Assert.Empty(errors);
        Assert.Equal(FieldAccess.Masked, matrix.AccessOf(DefaultRole.Sales.AsRole(), ProfileField.Phone));
    }

    [Fact]
    public void Parse_AnonymousExplicitlyDeniedPersonalField_IsAccepted()
    {
        var options = DefaultMatrix.Options();
        options.Fields["fullName"]["anonymous"] = "None";

        var matrix = FieldMatrixParser.Parse(options, out var errors);

        Assert.Empty(errors);
        Assert.Equal(FieldAccess.None, matrix.AccessOf(DefaultRole.Anonymous.AsRole(), ProfileField.FullName));
    }

    [Fact]
    public void Parse_NullOptions_ThrowsArgumentNullException()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => FieldMatrixParser.Parse(null!, out _));

        Assert.Equal("options", exception.ParamName);
    }
}
