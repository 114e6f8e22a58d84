using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.GraphQL;

/// <summary>The gateway with every operation limit set small, so each boundary fits in a short document.</summary>
public sealed class SmallLimitsApplication : CloudjetApplication
{
    public const int MaxDepth = 4;
    public const int MaxCost = 30;
    public const int MaxAliases = 2;
    public const int MaxRootFields = 3;
    public const int MaxFragmentSpreads = 2;
    public const int MaxDocumentLength = 200;
    public const int MaxErrors = 2;

    public SmallLimitsApplication()
    {
        With("GraphQL:MaxDepth", $"{MaxDepth}");
        With("GraphQL:MaxCost", $"{MaxCost}");
        With("GraphQL:MaxAliases", $"{MaxAliases}");
        With("GraphQL:MaxRootFields", $"{MaxRootFields}");
        With("GraphQL:MaxFragmentSpreads", $"{MaxFragmentSpreads}");
        With("GraphQL:MaxDocumentLength", $"{MaxDocumentLength}");
        With("GraphQL:MaxErrors", $"{MaxErrors}");
    }
}
