namespace CloudjetGraph.Api.GraphQL.Limits;

/// <summary>The names clients see in <c>extensions.limit</c>; part of the error contract.</summary>
internal static class LimitNames
{
    public const string DocumentLength = "documentLength";
    public const string Nesting = "nesting";
    public const string Depth = "depth";
    public const string Cost = "cost";
    public const string Aliases = "aliases";
    public const string RootFields = "rootFields";
    public const string FragmentSpreads = "fragmentSpreads";
    public const string Errors = "errors";
}
