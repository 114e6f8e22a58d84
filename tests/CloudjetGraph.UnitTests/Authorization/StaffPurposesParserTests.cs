using CloudjetGraph.Core.Authorization;

namespace CloudjetGraph.UnitTests.Authorization;

/// <summary><c>Authorization:Purposes</c>: every staff role serves exactly one purpose of the policy's §2, and nothing else is accepted.</summary>
public sealed class StaffPurposesParserTests
{
    private readonly AuthorizationOptions _options = DefaultMatrix.Options();

    [Theory]
    [InlineData("management", Purposes.Account)]
    [InlineData("sales", Purposes.CustomerCare)]
    [InlineData("support", Purposes.CustomerCare)]
    public void Parse_DefaultPurposes_MapsEachStaffRole(string role, string purpose)
    {
        var purposes = Parse(out var errors);

        Assert.Empty(errors);
        Assert.Equal(purpose, purposes.Of(new Role(role)));
    }

    [Fact]
    public void Of_RoleThatIsNotStaff_IsNull()
    {
        var purposes = Parse(out _);

        Assert.Null(purposes.Of(Role.Owner));
        Assert.Null(purposes.Of(Role.KeyCustodian));
    }

    [Fact]
    public void Parse_StaffRoleWithoutPurpose_FailsNamingItsKey()
    {
        _options.Purposes.Remove("support");

        Parse(out var errors);

        Assert.Equal(["Authorization:Purposes:support: missing; every staff role serves one purpose of the policy's §2 (account, customer-care, legal-obligation)."], errors);
    }

    [Theory]
    [InlineData("marketing")]
    [InlineData("Account")]
    [InlineData("")]
    public void Parse_UnknownPurpose_FailsNamingItsKey(string purpose)
    {
        _options.Purposes["sales"] = purpose;

        Parse(out var errors);

        Assert.Equal([$"Authorization:Purposes:sales: unknown purpose '{purpose}'; expected one of account, customer-care, legal-obligation."], errors);
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("keyCustodian")]
    [InlineData("anonymous")]
    [InlineData("intern")]
    public void Parse_PurposeForARoleThatIsNotStaff_FailsNamingItsKey(string role)
    {
        _options.Purposes[role] = Purposes.Account;

        Parse(out var errors);

        Assert.Equal([$"Authorization:Purposes:{role}: not a staff role; only roles named in Authorization:RowScopes serve a purpose."], errors);
    }

    [Fact]
    public void Validate_MissingPurpose_FailsStartupValidation()
    {
        _options.Purposes.Remove("management");

        var result = new FieldMatrixValidator().Validate(null, _options);

        Assert.True(result.Failed);
        Assert.StartsWith("Authorization:Purposes:management: missing", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_ReachTheChainedTrail_AreTheseFixedStrings()
    {
        Assert.Equal(["account", "customer-care", "legal-obligation"], Purposes.All);
    }

    private StaffPurposes Parse(out IReadOnlyList<string> errors) =>
        StaffPurposesParser.Parse(_options, FieldMatrixParser.Parse(_options, out _), out errors);
}
