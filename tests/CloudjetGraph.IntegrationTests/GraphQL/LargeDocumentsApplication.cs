using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.GraphQL;

/// <summary>The gateway with default operation limits; only the body and document length are raised.</summary>
public sealed class LargeDocumentsApplication : CloudjetApplication
{
    public LargeDocumentsApplication()
    {
        With("GraphQL:MaxRequestBytes", "1048576");
        With("GraphQL:MaxDocumentLength", "1048576");
    }
}
