using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Api.GraphQL.Nodes;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Accounts;

/// <summary>A customer organisation; holds no personal data.</summary>
internal sealed class OrganizationGraphType : ObjectGraphType<Organization>
{
    public OrganizationGraphType()
    {
        Name = "Organization";
        Description = "A Cloudjet customer company whose staff hold profiles.";
        Interface<NodeGraphType>();
        Field(o => o.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(o => o.Name).Description("The company's name.");
    }
}
