using CloudjetGraph.Core.Authorization;

namespace CloudjetGraph.UnitTests.Authorization;

public sealed class FieldMatrixParserRowScopeTests
{
    private readonly AuthorizationOptions _options = DefaultMatrix.Options();

    [Theory]
    [InlineData("management")]
    [InlineData("sales")]
    [InlineData("support")]
    public void Parse_StaffRoleWithoutRowScope_DoesNotExistAndEachFieldRuleNamingItIsRefused(string role)
    {
        _options.RowScopes.Remove(role);

        var errors = Errors();

        var ruled = _options.Fields.Where(rule => rule.Value.ContainsKey(role)).Select(rule => rule.Key).ToList();
        Assert.NotEmpty(ruled);
        Assert.Equal(ruled.Select(field => $"Authorization:Fields:{field}:{role}: unknown role"), errors.Select(error => error[..error.IndexOf(';', StringComparison.Ordinal)]));
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
    [InlineData(" ")]
    public void Parse_RowScopeForBuiltInOrBlankRole_NamesRowScopeKey(string role)
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
