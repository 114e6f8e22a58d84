using CloudjetGraph.Api.GraphQL.Accounts;
using CloudjetGraph.Core.Fields;
using GraphQL.Types;

namespace CloudjetGraph.UnitTests.GraphQL;

/// <summary>
/// Sign-up asks for what the catalogue marks for it: a field added to or dropped from
/// <see cref="PersonalFieldCatalogue.AtSignUp"/> is added to or dropped from <c>SignUpInput</c>.
/// </summary>
public sealed class SignUpInputGraphTypeTests
{
    // The input's own fields, which are not personal fields of a profile.
    private static readonly string[] AccountFields = ["invitationCode", "password", "consent"];

    [Fact]
    public void Fields_EverySignUpFieldOfTheCatalogue_AppearsWithItsNullabilityAndDescription()
    {
        var input = new SignUpInputGraphType();

        Assert.All(PersonalFieldCatalogue.AtSignUp, descriptor =>
        {
            var field = input.GetField(descriptor.SchemaName);
            Assert.True(field is not null, $"SignUpInput has no field {descriptor.SchemaName}, though the catalogue asks for it at sign-up.");
            Assert.Equal(descriptor.Required ? typeof(NonNullGraphType<StringGraphType>) : typeof(StringGraphType), field.Type);
            Assert.Equal(descriptor.SignUpDescription, field.Description);
        });
    }

    [Fact]
    public void Fields_PersonalOnes_AreExactlyTheSignUpFieldsOfTheCatalogue()
    {
        var personal = new SignUpInputGraphType().Fields.Select(field => field.Name).Except(AccountFields).Order(StringComparer.Ordinal);

        Assert.Equal(PersonalFieldCatalogue.AtSignUp.Select(descriptor => descriptor.SchemaName).Order(StringComparer.Ordinal), personal);
    }
}
