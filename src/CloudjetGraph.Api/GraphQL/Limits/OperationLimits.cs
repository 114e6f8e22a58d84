namespace CloudjetGraph.Api.GraphQL.Limits;

/// <summary>What one GraphQL document may ask for; see <see cref="GraphQLOptions"/> for each limit.</summary>
internal sealed record OperationLimits(
    int MaxDepth,
    int MaxCost,
    int MaxAliases,
    int MaxRootFields,
    int MaxFragmentSpreads,
    int ListWeight,
    int DefaultPageSize,
    int MaxPageSize,
    bool AllowIntrospection);
