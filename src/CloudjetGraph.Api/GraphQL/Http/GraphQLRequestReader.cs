using System.Text.Json;
using CloudjetGraph.Api.GraphQL.TrustedDocuments;
using CloudjetGraph.Core.Errors;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CloudjetGraph.Api.GraphQL.Http;

/// <summary>Reads a GraphQL request from a GET query string or a JSON POST body: a document in full, or a trusted document's <c>documentId</c>.</summary>
internal sealed class GraphQLRequestReader(IGraphQLTextSerializer serializer, IOptions<GraphQLOptions> options)
{
    // A key given twice is ambiguous (a proxy may read the first, the gateway the last), and inside
    // variables it would otherwise fail deep in the deserializer: refuse it while parsing.
    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false };

    /// <summary>The request, or the HTTP status and message that refuse it.</summary>
    public async Task<(GraphQLRequest? Request, RequestProblem? Problem)> ReadAsync(HttpContext http, bool isGet, CancellationToken cancellationToken) =>
        isGet ? ReadQueryString(http.Request.Query) : await ReadBodyAsync(http, cancellationToken);

    private (GraphQLRequest? Request, RequestProblem? Problem) ReadQueryString(IQueryCollection query)
    {
        if (query["query"].Count > 1 || query["documentId"].Count > 1)
        {
            return (null, new RequestProblem(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "Give the 'query' or 'documentId' parameter once."));
        }

        // Variables and extensions arrive as JSON text in GET requests.
        try
        {
            var (variables, variablesAreText) = ParseStrict(query["variables"]);
            using var variablesDocument = variables;
            var (extensions, extensionsAreText) = ParseStrict(query["extensions"]);
            using var extensionsDocument = extensions;
            if (!variablesAreText || !extensionsAreText)
            {
                return (null, InvalidUnicode);
            }

            var request = new GraphQLRequest
            {
                Query = query["query"],
                DocumentId = query["documentId"],
                OperationName = query["operationName"],
                Variables = variables is null ? null : serializer.ReadNode<Inputs>(variables.RootElement),
                Extensions = extensions is null ? null : serializer.ReadNode<Inputs>(extensions.RootElement),
            };
            return DocumentProblem(request, "parameter") is { } problem ? (null, problem) : (request, null);
        }
        catch (JsonException)
        {
            return (null, new RequestProblem(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "The 'variables' and 'extensions' parameters must be JSON objects."));
        }
    }

    private async Task<(GraphQLRequest? Request, RequestProblem? Problem)> ReadBodyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (!GraphQLMediaType.IsJsonContent(http.Request.ContentType))
        {
            return (null, new RequestProblem(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.BadRequest, "Send the request body as application/json."));
        }

        var limit = options.Value.MaxRequestBytes;
        if (http.Request.ContentLength > limit)
        {
            return (null, new RequestProblem(StatusCodes.Status413PayloadTooLarge, ErrorCodes.BadRequest, $"The request body is larger than {limit} bytes."));
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        try
        {
            var (body, isText) = await ParseStrictAsync(http.Request.Body, cancellationToken);
            using var bodyDocument = body;
            if (!isText)
            {
                return (null, InvalidUnicode);
            }

            if (serializer.ReadNode<GraphQLRequest>(body!.RootElement) is not { } request)
            {
                return (null, new RequestProblem(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "The body must be a JSON object with a 'query' or a 'documentId' string."));
            }

            return DocumentProblem(request, "key") is { } problem ? (null, problem) : (request, default);
        }
        catch (JsonException)
        {
            return (null, new RequestProblem(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "The body is not a valid GraphQL request in JSON, or names a key twice."));
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, new RequestProblem(StatusCodes.Status413PayloadTooLarge, ErrorCodes.BadRequest, $"The request body is larger than {limit} bytes."));
        }
    }

    // Exactly one way to name the document: a document in full, or the id of a trusted one in the
    // only form defined for content hashes. An id that is not of that form is the client's mistake
    // in the request's shape, refused before any lookup.
    private static RequestProblem? DocumentProblem(GraphQLRequest request, string kind) => (request.Query, request.DocumentId) switch
    {
        ({ Length: > 0 }, null) => null,
        (null, { } documentId) when DocumentId.DigestOf(documentId) is not null => null,
        (null, not null) => new RequestProblem(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, $"The 'documentId' must be '{DocumentId.Prefix}' followed by the 64 lowercase hex digits of the document's SHA-256."),
        (not null, not null) => new RequestProblem(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, $"Give the 'query' or the 'documentId' {kind}, not both."),
        _ => new RequestProblem(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, $"Give the document in the 'query' {kind}, or a trusted document's id in the 'documentId' {kind}."),
    };

    // JSON text that is also Unicode text: IsText is false when a string value or a property name
    // holds an escaped lone surrogate. Refusing duplicate keys makes the parser read every name,
    // and such a name throws InvalidOperationException there, not JsonException.
    private static (JsonDocument? Document, bool IsText) ParseStrict(StringValues parameter)
    {
        try
        {
            return Checked(parameter is [{ Length: > 0 } json] ? JsonDocument.Parse(json, StrictJson) : null);
        }
        catch (InvalidOperationException)
        {
            return (null, false);
        }
    }

    private static async Task<(JsonDocument? Document, bool IsText)> ParseStrictAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            return Checked(await JsonDocument.ParseAsync(body, StrictJson, cancellationToken));
        }
        catch (InvalidOperationException)
        {
            return (null, false);
        }
    }

    private static (JsonDocument? Document, bool IsText) Checked(JsonDocument? document)
    {
        if (document is null || UnicodeText.IsValid(document.RootElement))
        {
            return (document, true);
        }

        document.Dispose();
        return (null, false);
    }

    // A client's mistake in a value, not in the request's shape: the code every input rule answers.
    private static readonly RequestProblem InvalidUnicode = new(StatusCodes.Status400BadRequest, ErrorCodes.Validation, UnicodeText.Refusal);
}
