using CloudjetGraph.Api.GraphQL.Limits;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.GraphQL;

/// <summary>The one GraphQL schema frontend teams code against; its SDL is committed in <c>schema/</c>.</summary>
internal sealed class CloudjetSchema : Schema
{
    public CloudjetSchema(IServiceProvider services, QueryGraphType query, MutationGraphType mutation, IOptions<GraphQLOptions> options)
        : base(services)
    {
        Description = "CloudjetGraph: Cloudjet KPI profiles, with personal data encrypted at rest and released field by field per role.";
        Query = query;
        Mutation = mutation;
        Directives.Register(new AccessDirective());

        // The cost limit's numbers, as IBM's cost directives, on the fields they apply to; the
        // analyzer reads them back, so what clients see is what they are charged.
        Directives.Register(new CostDirective(), new ListSizeDirective());
        RegisterVisitor(new ListSizeVisitor(options.Value.DefaultPageSize, options.Value.ListWeight));

        // Introspection as the October 2021 specification and graphql-js's getIntrospectionQuery
        // options ask for it (with IntrospectionCompatibility): without these, a client that asks
        // for `isRepeatable` or `args(includeDeprecated:)` gets a validation error, not the schema.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;

        // The built-in Long scalar has no description; the SDL is a contract and says what it holds.
        RegisterType(new LongGraphType { Description = "A 64-bit signed integer, sent as a JSON number; used for counts that may pass 2^31." });
    }

    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        base.OnBeforeInitializeType(graphType);
        IntrospectionCompatibility.Complete(graphType);
    }
}
