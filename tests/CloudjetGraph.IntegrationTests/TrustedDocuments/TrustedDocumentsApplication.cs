using System.Net.Http.Json;
using System.Text.Json;
using CloudjetGraph.Api.GraphQL.TrustedDocuments;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.TrustedDocuments;

/// <summary>
/// The gateway under <c>GraphQL:TrustedDocuments:Mode</c> <c>Require</c> (unless a test sets
/// another mode), with a manifest of <see cref="Documents"/> in its data directory, written as
/// graphql-codegen writes one.
/// </summary>
public sealed class TrustedDocumentsApplication : CloudjetApplication
{
    public const string Typename = "query Typename { __typename }";

    public const string Me = "query Me { me { fullName } }";

    public const string Login = "mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }";

    public static readonly IReadOnlyList<string> Documents = [Typename, Me, Login];

    public TrustedDocumentsApplication()
        : this(Documents)
    {
    }

    // Not public: xunit builds a class fixture through its one public constructor.
    /// <summary>A gateway trusting <paramref name="documents"/>, on <paramref name="dataDirectory"/> when given (another host's kept data).</summary>
    internal TrustedDocumentsApplication(IEnumerable<string> documents, string? dataDirectory = null)
    {
        if (dataDirectory is not null)
        {
            DataDirectory = dataDirectory;
        }

        Directory.CreateDirectory(DataDirectory);
        WriteManifest(documents);
        With("GraphQL:TrustedDocuments:Mode", "Require");
        With("GraphQL:TrustedDocuments:ManifestPath", ManifestPath);
    }

    public string ManifestPath => Path.Combine(DataDirectory, "persisted-documents.json");

    /// <summary>The id a client sends for <paramref name="document"/>.</summary>
    public static string IdOf(string document) => DocumentId.Prefix + DocumentManifest.DigestOf(document);

    /// <summary>Replaces the manifest with one of <paramref name="documents"/>, in one write.</summary>
    public void WriteManifest(IEnumerable<string> documents) =>
        File.WriteAllText(ManifestPath, JsonSerializer.Serialize(documents.ToDictionary(DocumentManifest.DigestOf, document => document)));

    /// <summary>Posts a trusted document's id, with variables.</summary>
    public Task<GraphQLResponse> PostIdAsync(string documentId, object? variables = null, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { documentId, variables }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        return Client(token).SendAsync(request);
    }
}
