using CloudjetGraph.Api.GraphQL.Accounts;
using CloudjetGraph.Api.GraphQL.Audit;
using CloudjetGraph.Api.GraphQL.Keys;
using CloudjetGraph.Api.GraphQL.Nodes;
using CloudjetGraph.Api.GraphQL.Privacy;
using CloudjetGraph.Api.GraphQL.Profiles;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.GraphQL;

/// <summary>The read side of the schema: each feature adds its root fields, in the schema's order.</summary>
internal sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType(IOptions<GraphQLOptions> options)
    {
        Name = "Query";
        Description = "Profiles and organizations, as far as the caller's role reaches; for key custodians, the key census and the record of their operations.";
        PrivacyQueries.AddTo(this);
        ProfileQueries.AddTo(this, options.Value);
        OrganizationQueries.AddTo(this);
        NodeQueries.AddTo(this);
        KeyQueries.AddTo(this);
        AuditQueries.AddTo(this, options.Value);
    }
}
