using CloudjetGraph.Core.Authorization;

namespace CloudjetGraph.UnitTests.Authorization;

public sealed class FieldMatrixParserErrorTests
{
    private readonly AuthorizationOptions _options = DefaultMatrix.Options();

    [Fact]
    public void Parse_UnknownField_NamesFieldKey()
    {
        _options.Fields["salary"] = new() { ["management"] = "Read" };

        Assert.Equal(["Authorization:Fields:salary: unknown profile field."], Errors());
    }

    [Fact]
    public void Parse_UnknownRole_NamesRoleKeyAndListsRoles()
    {
        _options.Fields["phone"]["intern"] = "Read";

        Assert.Equal(
            ["Authorization:Fields:phone:intern: unknown role; a staff role exists when Authorization:RowScopes names it; expected one of anonymous, owner, management, sales, support, keyCustodian."],
            Errors());
    }

    [Theory]
    [InlineData("Write")]
    [InlineData("ReadWrite")]
    [InlineData("")]
    [InlineData("7")]
    public void Parse_UnknownAccessLevel_NamesRoleKey(string level)
    {
        _options.Fields["phone"]["sales"] = level;

        Assert.Equal([$"Authorization:Fields:phone:sales: unknown access '{level}'; expected None, Masked, Read or Edit."], Errors());
    }

    [Theory]
    [InlineData("email")]
    [InlineData("fullName")]
    [InlineData("id")]
    public void Parse_MaskedOnNonMaskableField_NamesRoleKey(string field)
    {
        _options.Fields[field]["management"] = "Masked";

        var errors = Errors();

        Assert.Contains($"Authorization:Fields:{field}:management: {field} has no masked form.", errors);
        Assert.All(errors, error => Assert.StartsWith($"Authorization:Fields:{field}:management: ", error, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fullName", "Read")]
    [InlineData("email", "Edit")]
    [InlineData("phone", "Masked")]
    [InlineData("loginEmail", "Read")]
    [InlineData("consent", "Read")]
    public void Parse_AnonymousGrantedPersonalField_NamesAnonymousKey(string field, string level)
    {
        _options.Fields[field]["anonymous"] = level;

        Assert.Equal([$"Authorization:Fields:{field}:anonymous: anonymous callers may never read personal data."], Errors());
    }

    [Theory]
    [InlineData("skype")]
    [InlineData("id")]
    [InlineData("createdAt")]
    [InlineData("loginEmail")]
    public void Parse_FieldWithoutRule_NamesFieldKey(string field)
    {
        _options.Fields.Remove(field);

        Assert.Contains($"Authorization:Fields:{field}: no rule; every profile field needs one.", Errors());
    }

    [Fact]
    public void Parse_SkypeSectionMissing_ReportsOnlySkype()
    {
        _options.Fields.Remove("skype");

        Assert.Equal(["Authorization:Fields:skype: no rule; every profile field needs one."], Errors());
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("sales")]
    [InlineData("support")]
    public void Parse_RoleGrantedFieldsButNotId_NamesIdKey(string role)
    {
        _options.Fields["id"].Remove(role);

        Assert.Equal([$"Authorization:Fields:id:{role}: must be Read, because the role reads other profile fields."], Errors());
    }

    [Fact]
    public void Parse_RoleDeniedIdExplicitly_NamesIdKey()
    {
        _options.Fields["id"]["management"] = "None";

        Assert.Equal(["Authorization:Fields:id:management: must be Read, because the role reads other profile fields."], Errors());
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEach()
    {
        _options.Fields["salary"] = new() { ["management"] = "Read" };
        _options.Fields["phone"]["intern"] = "Read";
        _options.Fields.Remove("skype");
        _options.RowScopes["sales"] = "Everyone";

        var errors = Errors();

        Assert.Equal(5, errors.Count);
        Assert.Equal(
            [
                "Authorization:Fields:phone:intern:",
                "Authorization:Fields:salary:",
                "Authorization:Fields:skype:",
                "Authorization:RowScopes:sales:",
                "Authorization:RowScopes:sales:",
            ],
            errors.Select(error => error[..(error.IndexOf(": ", StringComparison.Ordinal) + 1)]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Masked,Read")]
    [InlineData("None, Masked")]
    [InlineData("2")]
    public void Parse_CombinedOrNumericAccessLevel_NamesRoleKey(string level)
    {
        _options.Fields["phone"]["support"] = level;

        Assert.Equal([$"Authorization:Fields:phone:support: unknown access '{level}'; expected None, Masked, Read or Edit."], Errors());
    }

    private IReadOnlyList<string> Errors()
    {
        FieldMatrixParser.Parse(_options, out var errors);
        return errors;
    }
}
