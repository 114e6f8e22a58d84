using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.GraphQL.Http;

/// <summary>Reads a GraphQL request from a GET query string or a JSON POST body.</summary>
internal sealed class GraphQLRequestReader(IGraphQLTextSerializer serializer, IOptions<GraphQLOptions> options)
{
    // A key given twice is ambiguous (a proxy may read the first, the gateway the last), and inside
    // variables it would otherwise fail deep in the deserializer: refuse it while parsing.
    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false };

    /// <summary>The request, or the HTTP status and message that refuse it.</summary>
    public async Task<(GraphQLRequest? Request, (int Status, string Message) Problem)> ReadAsync(HttpContext http, bool isGet, CancellationToken cancellationToken) =>
        isGet ? ReadQueryString(http.Request.Query) : await ReadBodyAsync(http, cancellationToken);

    private (GraphQLRequest? Request, (int Status, string Message) Problem) ReadQueryString(IQueryCollection query)
    {
        if (query["query"] is not [{ Length: > 0 } text])
        {
            return (null, (StatusCodes.Status400BadRequest, "Give the document in the 'query' parameter."));
        }

        // Variables and extensions arrive as JSON text in GET requests.
        try
        {
            return (new GraphQLRequest
            {
                Query = text,
                OperationName = query["operationName"],
                Variables = query["variables"] is [{ Length: > 0 } variables] ? ReadStrict<Inputs>(variables) : null,
                Extensions = query["extensions"] is [{ Length: > 0 } extensions] ? ReadStrict<Inputs>(extensions) : null,
            }, default);
        }
        catch (JsonException)
        {
            return (null, (StatusCodes.Status400BadRequest, "The 'variables' and 'extensions' parameters must be JSON objects."));
        }
    }

    private async Task<(GraphQLRequest? Request, (int Status, string Message) Problem)> ReadBodyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (!GraphQLMediaType.IsJsonContent(http.Request.ContentType))
        {
            return (null, (StatusCodes.Status415UnsupportedMediaType, "Send the request body as application/json."));
        }

        var limit = options.Value.MaxRequestBytes;
        if (http.Request.ContentLength > limit)
        {
            return (null, (StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {limit} bytes."));
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, StrictJson, cancellationToken);
            var request = serializer.ReadNode<GraphQLRequest>(body.RootElement);
            return request is { Query: { Length: > 0 } }
                ? (request, default)
                : (null, (StatusCodes.Status400BadRequest, "The body must be a JSON object with a 'query' string."));
        }
        catch (JsonException)
        {
            return (null, (StatusCodes.Status400BadRequest, "The body is not a valid GraphQL request in JSON, or names a key twice."));
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, (StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {limit} bytes."));
        }
    }

    private T? ReadStrict<T>(string json)
    {
        using var document = JsonDocument.Parse(json, StrictJson);
        return serializer.ReadNode<T>(document.RootElement);
    }
}
