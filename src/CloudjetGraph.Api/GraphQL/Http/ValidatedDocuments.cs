using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace CloudjetGraph.Api.GraphQL.Http;

/// <summary>
/// Documents that parsed, passed the gate's text checks and GraphQL validation, by their exact text:
/// a frontend sends the same few documents again and again, and each repeat skips parsing and the
/// schema-wide validation rules. Only what depends on the request is checked again: the operation
/// limits with its variables, and the rules that read the operation it chose
/// (<see cref="SingleAccountOperationRule"/>). Bounded by the length of the texts held, so documents
/// sent once each, however many, only push older ones out. A document holding a string literal is
/// never held: that is where an email, a name or a password written into a document would sit, and
/// it would otherwise stay in memory long after its request. Frontends pass values as variables.
/// </summary>
internal sealed class ValidatedDocuments : IDisposable
{
    /// <summary>
    /// The most document text held, in characters: hundreds of a frontend's documents. A parsed
    /// document takes several times its text in memory, so the bound is kept small.
    /// </summary>
    public const long MaxCharacters = 500_000;

    private readonly MemoryCache _documents = new(new MemoryCacheOptions { SizeLimit = MaxCharacters, TrackStatistics = true });

    /// <summary>The length of the texts held now; never more than <see cref="MaxCharacters"/>.</summary>
    public long HeldCharacters => _documents.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>The validated document of <paramref name="query"/>, or null when it is not held.</summary>
    public GraphQLDocument? Find(string query) => _documents.TryGetValue(query, out GraphQLDocument? document) ? document : null;

    /// <summary>Holds a document that passed validation, unless its text holds a string literal.</summary>
    public void Add(string query, GraphQLDocument document)
    {
        if (!query.Contains('"', StringComparison.Ordinal))
        {
            _documents.Set(query, document, new MemoryCacheEntryOptions { Size = Math.Max(1, query.Length) });
        }
    }

    /// <inheritdoc />
    public void Dispose() => _documents.Dispose();
}
