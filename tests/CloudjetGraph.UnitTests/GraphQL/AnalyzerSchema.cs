using CloudjetGraph.Api.GraphQL.Limits;
using GraphQL;
using GraphQL.Types;
using GraphQLParser;

namespace CloudjetGraph.UnitTests.GraphQL;

/// <summary>A schema of the gateway's shape (a paged connection, an unpaged list), and an analyser over it.</summary>
internal static class AnalyzerSchema
{
    /// <summary>Limits far from every document below, so that each test moves only the one it tests.</summary>
    public static readonly OperationLimits Generous = new(
        MaxDepth: 15, MaxCost: 100_000, MaxAliases: 1000, MaxRootFields: 1000, MaxFragmentSpreads: 1000,
        ListWeight: 10, DefaultPageSize: 20, MaxPageSize: 50, AllowIntrospection: true);

    private static readonly Lazy<ISchema> Schema = new(() =>
    {
        var schema = global::GraphQL.Types.Schema.For("""
            type Query {
              me: Profile
              profile(id: ID!): Profile
              profiles(first: Int, last: Int, after: String): ProfileConnection
              organizations: [Organization!]
            }
            type ProfileConnection { nodes: [Profile!]! edges: [ProfileEdge!]! totalCount: Int! }
            type ProfileEdge { cursor: String! node: Profile! }
            type Profile { id: ID! fullName: String organization: Organization }
            type Organization { id: ID! name: String! }
            """);

        // The gateway's own directives and the visitor that applies them, with the limits below.
        schema.Directives.Register(new CostDirective(), new ListSizeDirective());
        schema.RegisterVisitor(new ListSizeVisitor(Generous.DefaultPageSize, Generous.ListWeight));
        schema.Initialize();
        return schema;
    });

    /// <summary>Analyses <paramref name="document"/>; returns the refusal and the nodes visited.</summary>
    public static (RefusedOperationError? Refusal, int NodesVisited) Analyze(string document, OperationLimits? limits = null, Inputs? variables = null)
    {
        var analyzer = new OperationAnalyzer(Schema.Value, limits ?? Generous, variables);
        var refusal = analyzer.Analyze(Parser.Parse(document));
        return (refusal, analyzer.NodesVisited);
    }

    /// <summary>Asserts that <paramref name="document"/> costs exactly <paramref name="cost"/>: accepted at that maximum, refused one below.</summary>
    public static void AssertCost(long cost, string document, Inputs? variables = null)
    {
        Assert.Null(Analyze(document, Generous with { MaxCost = (int)cost }, variables).Refusal);
        Assert.Equal(LimitNames.Cost, Analyze(document, Generous with { MaxCost = (int)cost - 1 }, variables).Refusal?.Limit);
    }
}
