using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CloudjetGraph.Api.GraphQL.TrustedDocuments;

/// <summary>
/// The trusted documents by the SHA-256 of their text: one JSON object from lowercase hex digest
/// to document, the format of graphql-codegen's client preset (<c>persisted-documents.json</c>),
/// whose version 6 writes each key as the request's id (<c>sha256:</c> and the digest): both are read.
/// Every entry is verified, so that an id always names the very text it hashes: a manifest with a
/// key that is not its document's digest is refused whole, never served in part.
/// </summary>
internal sealed class DocumentManifest
{
    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false };

    private readonly Dictionary<string, string> _documents;

    private DocumentManifest(Dictionary<string, string> documents) => _documents = documents;

    /// <summary>A manifest that holds nothing: every id is unknown.</summary>
    public static DocumentManifest Empty { get; } = new([]);

    /// <summary>How many documents it holds.</summary>
    public int Count => _documents.Count;

    /// <summary>The document whose SHA-256 is <paramref name="digest"/> (lowercase hex), or null.</summary>
    public string? Find(string digest) => _documents.GetValueOrDefault(digest);

    /// <summary>Reads and verifies a manifest.</summary>
    /// <exception cref="FormatException">It is not one JSON object of strings, or a key is not the SHA-256 of its document; the message says which, and never quotes a document.</exception>
    public static DocumentManifest Parse(ReadOnlySpan<byte> json)
    {
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json.ToArray(), StrictJson);
        }
        catch (JsonException)
        {
            throw new FormatException("it is not valid JSON, or names a key twice (a file still being written?)");
        }

        using (parsed)
        {
            if (parsed.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("it must be one JSON object from document hash to document");
            }

            var documents = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in parsed.RootElement.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String || entry.Value.GetString() is not { Length: > 0 } document)
                {
                    throw new FormatException($"the entry '{Shortened(entry.Name)}' is not a document string");
                }

                var digest = entry.Name.StartsWith(DocumentId.Prefix, StringComparison.Ordinal) ? entry.Name[DocumentId.Prefix.Length..] : entry.Name;
                if (!string.Equals(digest, DigestOf(document), StringComparison.Ordinal))
                {
                    throw new FormatException($"the key '{Shortened(entry.Name)}' is not the SHA-256 (lowercase hex) of its document");
                }

                if (!documents.TryAdd(digest, document))
                {
                    throw new FormatException($"the document of '{Shortened(entry.Name)}' is given twice");
                }
            }

            return new DocumentManifest(documents);
        }
    }

    /// <summary>The lowercase hex SHA-256 of <paramref name="document"/>'s UTF-8 text, as graphql-codegen computes it.</summary>
    public static string DigestOf(string document) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    // A key is the client's build output, not a secret, but it can be any length.
    private static string Shortened(string key) => key.Length <= 80 ? key : key[..80] + "…";
}
