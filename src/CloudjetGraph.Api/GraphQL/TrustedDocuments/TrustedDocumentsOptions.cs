namespace CloudjetGraph.Api.GraphQL.TrustedDocuments;

/// <summary>Trusted (persisted) documents: which documents run, and the manifest of the trusted ones.</summary>
internal sealed class TrustedDocumentsOptions
{
    /// <summary>Configuration section: <c>GraphQL:TrustedDocuments</c>.</summary>
    public const string SectionName = "GraphQL:TrustedDocuments";

    /// <summary>
    /// Which documents run. Default <see cref="TrustedDocumentMode.Allow"/> in Development and
    /// <see cref="TrustedDocumentMode.Require"/> in every other environment.
    /// </summary>
    public TrustedDocumentMode? Mode { get; set; }

    /// <summary>
    /// The manifest: a JSON object from the id (<c>sha256:</c> and the lowercase hex SHA-256) or the
    /// bare digest of each document to the document, as graphql-codegen's client preset writes it; absolute or relative to the content
    /// root, reloaded when the file changes. Required under <see cref="TrustedDocumentMode.Require"/>;
    /// no default.
    /// </summary>
    public string? ManifestPath { get; set; }

    /// <summary>
    /// Roles that may still send documents in full under <see cref="TrustedDocumentMode.Require"/>
    /// (never <c>anonymous</c>). Default none.
    /// </summary>
    public IList<string> AllowAdHocFor { get; } = [];
}
