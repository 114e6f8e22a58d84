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
    bool AllowIntrospection)
{
    /// <summary>The limits set in <paramref name="options"/>; introspection is always allowed in Development, for GraphiQL.</summary>
    public static OperationLimits From(GraphQLOptions options, bool isDevelopment)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(
            options.MaxDepth,
            options.MaxCost,
            options.MaxAliases,
            options.MaxRootFields,
            options.MaxFragmentSpreads,
            options.ListWeight,
            options.DefaultPageSize,
            options.MaxPageSize,
            options.AllowIntrospection || isDevelopment);
    }
}
