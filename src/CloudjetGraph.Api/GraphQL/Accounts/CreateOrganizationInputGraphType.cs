using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Accounts;

/// <summary>A new customer organisation.</summary>
internal sealed class CreateOrganizationInputGraphType : InputObjectGraphType
{
    public CreateOrganizationInputGraphType()
    {
        Name = "CreateOrganizationInput";
        Description = "A new customer organization.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The company's name, 1 to 200 characters; unique.");
    }
}
