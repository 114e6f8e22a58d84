namespace CloudjetGraph.Api.GraphQL.TrustedDocuments;

/// <summary>Which documents the gateway runs: <c>GraphQL:TrustedDocuments:Mode</c>.</summary>
internal enum TrustedDocumentMode
{
    /// <summary>Documents sent in full only; a <c>documentId</c> is never found.</summary>
    Off,

    /// <summary>Ids from the manifest or documents sent in full.</summary>
    Allow,

    /// <summary>Ids from the manifest only, except for the roles in <c>AllowAdHocFor</c>.</summary>
    Require,
}
