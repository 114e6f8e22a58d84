using CloudjetGraph.Core.Authorization;

namespace CloudjetGraph.UnitTests.Authorization;

public sealed class FieldMatrixValidatorTests
{
    private readonly FieldMatrixValidator _validator = new();

    [Fact]
    public void Validate_DefaultMatrix_Succeeds()
    {
        var result = _validator.Validate(null, DefaultMatrix.Options());

        Assert.True(result.Succeeded);
        Assert.False(result.Failed);
    }

    [Fact]
    public void Validate_BadMatrix_FailsWithEveryMessage()
    {
        var options = DefaultMatrix.Options();
        options.Fields["salary"] = new() { ["management"] = "Read" };
        options.Fields.Remove("skype");
        options.RowScopes["support"] = "Everyone";

        var result = _validator.Validate(AuthorizationOptions.SectionName, options);

        Assert.True(result.Failed);
        Assert.Equal(
            [
                "Authorization:RowScopes:support: unknown scope 'Everyone'; expected All or AssignedOrganizations.",
                "Authorization:Fields:salary: unknown profile field.",
                "Authorization:Fields:skype: no rule; every profile field needs one.",
                "Authorization:RowScopes:support: missing; the role is granted profile fields but reaches no profiles.",
            ],
            result.Failures);
        Assert.Contains("Authorization:Fields:salary", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Authorization:RowScopes:support", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownRole_FailsNamingKey()
    {
        var options = DefaultMatrix.Options();
        options.Fields["phone"]["intern"] = "Read";

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Authorization:Fields:phone:intern: unknown role", failure, StringComparison.Ordinal);
    }
}
