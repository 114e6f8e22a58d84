using CloudjetGraph.Core.Authorization;

namespace CloudjetGraph.UnitTests.Authorization;

public sealed class FieldMatrixParserRowScopeTests
{
    private readonly AuthorizationOptions _options = DefaultMatrix.Options();

    [Theory]
    [InlineData("management")]
    [InlineData("sales")]
    [InlineData("support")]
    public void Parse_StaffRoleGrantedFieldsWithoutRowScope_NamesRowScopeKey(string role)
    {
        _options.RowScopes.Remove(role);

        Assert.Equal([$"Authorization:RowScopes:{role}: missing; the role is granted profile fields but reaches no profiles."], Errors());
    }

    [Fact]
    public void Parse_KeyCustodianGrantedFieldWithoutRowScope_NamesRowScopeAndIdKeys()
    {
        _options.Fields["department"]["keyCustodian"] = "Read";

        Assert.Equal(
            [
                "Authorization:RowScopes:keyCustodian: missing; the role is granted profile fields but reaches no profiles.",
                "Authorization:Fields:id:keyCustodian: must be Read, because the role reads other profile fields.",
            ],
            Errors());
    }

    [Theory]
    [InlineData("Everyone")]
    [InlineData("Own")]
    [InlineData("None")]
    [InlineData("")]
    public void Parse_UnknownRowScopeValue_NamesRowScopeKey(string scope)
    {
        _options.RowScopes["sales"] = scope;

        Assert.Equal(
            [
                $"Authorization:RowScopes:sales: unknown scope '{scope}'; expected All or AssignedOrganizations.",
                "Authorization:RowScopes:sales: missing; the role is granted profile fields but reaches no profiles.",
            ],
            Errors());
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("anonymous")]
    [InlineData("intern")]
    public void Parse_RowScopeForNonStaffRole_NamesRowScopeKey(string role)
    {
        _options.RowScopes[role] = "All";

        Assert.Equal([$"Authorization:RowScopes:{role}: unknown staff role."], Errors());
    }

    [Theory]
    [InlineData("Own,AssignedOrganizations")]
    [InlineData("3")]
    public void Parse_CombinedOrNumericRowScope_NamesRowScopeKey(string scope)
    {
        _options.RowScopes["sales"] = scope;

        Assert.Contains($"Authorization:RowScopes:sales: unknown scope '{scope}'; expected All or AssignedOrganizations.", Errors());
    }

    private IReadOnlyList<string> Errors()
    {
        FieldMatrixParser.Parse(_options, out var errors);
        return errors;
    }
}
