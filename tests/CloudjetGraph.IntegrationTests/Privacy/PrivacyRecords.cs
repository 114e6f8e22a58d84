using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Privacy;

/// <summary>The recorded privacy operations of a test host, read from its database file.</summary>
internal static class PrivacyRecords
{
    /// <summary>The newest recorded operation of that name.</summary>
    public static async Task<RecordedOperation> LastAsync(CloudjetApplication app, string operation) =>
        (await CustodianRecord.ReadAsync(app)).Last(r => r.Operation == operation);

    /// <summary>How many operations of that name are recorded.</summary>
    public static async Task<int> CountAsync(CloudjetApplication app, string operation) =>
        (await CustodianRecord.ReadAsync(app)).Count(r => r.Operation == operation);
}
