using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.ProfileRecords;

namespace CloudjetGraph.UnitTests.Authorization;

/// <summary>The one access policy, decided from the default configuration and literal callers and profiles.</summary>
public sealed class AccessPolicyTests
{
    private static readonly Guid AssignedOrganization = Guid.Parse("0193a000-0000-7000-8000-0000000000a1");
    private static readonly Guid OtherOrganization = Guid.Parse("0193a000-0000-7000-8000-0000000000a2");
    private static readonly Guid OwnerId = Guid.Parse("0193a000-0000-7000-8000-000000000001");

    private readonly AccessPolicy _policy = PolicyOf(DefaultMatrix.Options());

    [Theory]
    [InlineData("management", "breachReport", null)]
    [InlineData("sales", "breachReport", ErrorCodes.NotAuthorized)]
    [InlineData("keyCustodian", "breachReport", ErrorCodes.NotAuthorized)]
    [InlineData("anonymous", "breachReport", ErrorCodes.NotAuthenticated)]
    [InlineData("support", "eraseProfile", null)]
    [InlineData("support", "eraseOrganization", ErrorCodes.NotAuthorized)]
    [InlineData("owner", "exportMyData", null)]
    [InlineData("management", "exportMyData", ErrorCodes.NotAuthorized)]
    [InlineData("keyCustodian", "destroyDataKey", null)]
    [InlineData("owner", "destroyDataKey", ErrorCodes.NotAuthorized)]
    public void Operation_DefaultGrants_DecidesWithTheCodeOfTheCaller(string role, string operation, string? code)
    {
        var decision = _policy.Operation(CallerOf(role), operation);

        Assert.Equal(code, decision.DenialCode);
        Assert.Equal(code is null ? FieldAccess.Read : FieldAccess.None, decision.Access);
    }

    [Fact]
    public void Operation_UnknownName_IsDenied()
    {
        Assert.Equal(ErrorCodes.NotAuthorized, _policy.Operation(CallerOf("management"), "dropDatabase").DenialCode);
    }

    [Theory]
    [InlineData("support", ProfileField.Phone, true, FieldAccess.Masked, null)]
    [InlineData("support", ProfileField.Phone, false, FieldAccess.None, ErrorCodes.NotAuthorized)]
    [InlineData("sales", ProfileField.Skype, true, FieldAccess.None, ErrorCodes.NotAuthorized)]
    [InlineData("management", ProfileField.Skype, false, FieldAccess.Read, null)]
    [InlineData("keyCustodian", ProfileField.Id, true, FieldAccess.None, ErrorCodes.NotAuthorized)]
    [InlineData("anonymous", ProfileField.Id, true, FieldAccess.None, ErrorCodes.NotAuthenticated)]
    public void Field_StaffAndRowScope_GrantMaskOrDenyWithCode(string role, ProfileField field, bool assigned, FieldAccess access, string? code)
    {
        var profile = ProfileIn(assigned ? AssignedOrganization : OtherOrganization, Guid.Parse("0193a000-0000-7000-8000-000000000002"));

        Assert.Equal(new AccessDecision(access, code), _policy.Field(CallerOf(role), profile, field));
    }

    [Fact]
    public void Field_OwnerOnAnotherProfile_IsDenied()
    {
        var own = new Caller(Role.Owner, OwnerId.ToString(), new HashSet<Guid>());

        Assert.Equal(FieldAccess.Edit, _policy.Field(own, ProfileIn(OtherOrganization, OwnerId), ProfileField.FullName).Access);
        Assert.Equal(ErrorCodes.NotAuthorized, _policy.Field(own, ProfileIn(OtherOrganization, Guid.Parse("0193a000-0000-7000-8000-000000000003")), ProfileField.FullName).DenialCode);
    }

    [Fact]
    public void AccessLog_OwnerOfTheProfileOnly_OthersDeniedWithTheirCode()
    {
        var own = new Caller(Role.Owner, OwnerId.ToString(), new HashSet<Guid>());

        Assert.False(AccessPolicy.AccessLog(own, OwnerId).IsDenied);
        Assert.Equal(ErrorCodes.NotAuthorized, AccessPolicy.AccessLog(own, Guid.Parse("0193a000-0000-7000-8000-000000000003")).DenialCode);
        Assert.Equal(ErrorCodes.NotAuthorized, AccessPolicy.AccessLog(CallerOf("management"), OwnerId).DenialCode);
        Assert.Equal(ErrorCodes.NotAuthenticated, AccessPolicy.AccessLog(Caller.Anonymous, OwnerId).DenialCode);
    }

    [Theory]
    [InlineData("owner", ProfileField.Phone, true)]
    [InlineData("owner", ProfileField.LoginEmail, false)]
    [InlineData("management", ProfileField.Phone, false)]
    [InlineData("anonymous", ProfileField.FullName, false)]
    public void MayEdit_DefaultMatrix_OnlyWhereTheRoleIsGrantedEdit(string role, ProfileField field, bool editable)
    {
        Assert.Equal(editable, _policy.MayEdit(CallerOf(role), field));
    }

    [Theory]
    [InlineData("management", true)]
    [InlineData("sales", true)]
    [InlineData("support", true)]
    [InlineData("owner", false)]
    [InlineData("keyCustodian", false)]
    [InlineData("anonymous", false)]
    public void IsStaff_DefaultConfiguration_IsEveryRoleWithARowScope(string role, bool staff)
    {
        Assert.Equal(staff, _policy.IsStaff(CallerOf(role)));
    }

    [Fact]
    public void IsStaff_RoleAddedInConfiguration_IsStaffWithoutAnyOtherSetting()
    {
        var options = DefaultMatrix.Options();
        options.RowScopes["auditor"] = "All";

        Assert.True(PolicyOf(options).IsStaff(CallerOf("auditor")));
    }

    [Theory]
    [InlineData("anonymous", ErrorCodes.NotAuthenticated, "Sign in.")]
    [InlineData("sales", ErrorCodes.NotAuthorized, "Not yours.")]
    [InlineData("owner", ErrorCodes.NotAuthorized, "Not yours.")]
    public void Refusal_Caller_IsSignInWithoutATokenAndNotAuthorizedWithOne(string role, string code, string message)
    {
        var refusal = AccessPolicy.Refusal(CallerOf(role), "Sign in.", "Not yours.");

        Assert.Equal((code, message), (refusal.Code, refusal.Message));
    }

    private static AccessPolicy PolicyOf(AuthorizationOptions options)
    {
        var matrix = FieldMatrixParser.Parse(options, out var fieldErrors);
        var grants = OperationGrantsParser.Parse(options, matrix, out var operationErrors);
        Assert.Empty(fieldErrors.Concat(operationErrors));
        return new AccessPolicy(matrix, grants);
    }

    private static Caller CallerOf(string role) =>
        role == Role.Anonymous.Name ? Caller.Anonymous : new Caller(new Role(role), $"{role}-demo", new HashSet<Guid> { AssignedOrganization });

    private static Profile ProfileIn(Guid organization, Guid id) => new()
    {
        Id = id,
        OrganizationId = organization,
        ConsentAcceptedAt = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        ConsentPolicyVersion = "2019-04-22",
        CreatedAt = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        UpdatedAt = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
    };
}
