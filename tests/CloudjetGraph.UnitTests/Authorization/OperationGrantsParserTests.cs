using CloudjetGraph.Core.Authorization;

namespace CloudjetGraph.UnitTests.Authorization;

public sealed class OperationGrantsParserTests
{
    private readonly AuthorizationOptions _options = DefaultMatrix.Options();

    [Fact]
    public void Parse_DefaultOperations_HasNoErrorsAndRulesEveryOperation()
    {
        var errors = Errors(out var grants);

        Assert.Empty(errors);
        Assert.Equal(AccessOperations.All.Order(StringComparer.Ordinal), _options.Operations.Keys.Order(StringComparer.Ordinal));
        Assert.True(grants.Allows(new Role("management"), "breachReport"));
        Assert.False(grants.Allows(new Role("sales"), "breachReport"));
    }

    [Theory]
    [InlineData("breachReport", "management")]
    [InlineData("eraseProfile", "management,support")]
    [InlineData("eraseOrganization", "management")]
    [InlineData("correctProfile", "management,support")]
    [InlineData("exportProfileForAuthority", "management")]
    [InlineData("createOrganization", "management")]
    [InlineData("createInvitation", "management")]
    [InlineData("exportMyData", "owner")]
    [InlineData("keys", "keyCustodian")]
    [InlineData("destroyDataKey", "keyCustodian")]
    public void Allows_DefaultOperations_GrantsExactlyTodaysRoles(string operation, string roles)
    {
        Errors(out var grants);
        var matrix = FieldMatrixParser.Parse(_options, out _);

        Assert.Equal(roles.Split(','), matrix.Roles.Where(role => grants.Allows(role, operation)).Select(role => role.Name));
    }

    [Fact]
    public void Parse_UnknownOperation_NamesItsKey()
    {
        _options.Operations["deleteEverything"] = ["management"];

        Assert.StartsWith("Authorization:Operations:deleteEverything: unknown operation; expected one of ", Assert.Single(Errors(out _)), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RoleWithoutRowScope_IsUnknownNamingItsKey()
    {
        _options.Operations["breachReport"].Add("auditor");

        Assert.StartsWith("Authorization:Operations:breachReport: 'auditor' is an unknown role; a staff role exists when Authorization:RowScopes names it", Assert.Single(Errors(out _)), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OperationWithoutRule_IsRunByNobody()
    {
        _options.Operations.Remove("breachReport");

        Assert.Empty(Errors(out var grants));
        Assert.False(grants.Allows(new Role("management"), "breachReport"));
    }

    [Theory]
    [InlineData("breachReport", "anonymous", "anonymous callers run only the open operations")]
    [InlineData("breachReport", "owner", "owner may be granted only operations on their own profile")]
    [InlineData("exportMyData", "management", "'management' may not be granted it; it acts on the caller's own profile")]
    public void Parse_CrossedGrant_NamesItsKey(string operation, string role, string reason)
    {
        _options.Operations[operation].Add(role);

        Assert.Equal($"Authorization:Operations:{operation}: {reason}", Assert.Single(Errors(out _))[..($"Authorization:Operations:{operation}: ".Length + reason.Length)]);
    }

    private IReadOnlyList<string> Errors(out OperationGrants grants)
    {
        var matrix = FieldMatrixParser.Parse(_options, out _);
        grants = OperationGrantsParser.Parse(_options, matrix, out var errors);
        return errors;
    }
}
