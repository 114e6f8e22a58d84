using System.Globalization;
using System.Text.Json;
using CloudjetGraph.Api.Authentication;
using CloudjetGraph.Api.RateLimiting;
using CloudjetGraph.Core.Errors;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP (POST with JSON, GET for queries) per the GraphQL-over-HTTP spec: media type
/// negotiation, status codes, and errors that always carry a code and never an exception's text.
/// </summary>
internal sealed partial class GraphQLHttpHandler(
    IDocumentExecuter<CloudjetSchema> executer,
    IGraphQLTextSerializer serializer,
    CallerFactory callerFactory,
    IOptions<GraphQLOptions> options,
    ILogger<GraphQLHttpHandler> logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        var mediaType = GraphQLMediaType.Negotiate(http.Request.Headers.Accept);
        if (mediaType is null)
        {
            await WriteRequestErrorAsync(http, StatusCodes.Status406NotAcceptable, GraphQLMediaType.Json, "Accept application/graphql-response+json or application/json.");
            return;
        }

        var isGet = HttpMethods.IsGet(http.Request.Method);
        if (!isGet && !HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteRequestErrorAsync(http, StatusCodes.Status405MethodNotAllowed, mediaType, "Use GET or POST.");
            return;
        }

        var (request, problem) = isGet ? ReadQueryString(http.Request.Query) : await ReadBodyAsync(http);
        if (request is null)
        {
            await WriteRequestErrorAsync(http, problem.Status, mediaType, problem.Message);
            return;
        }

        GraphQLDocument? document = null;
        try
        {
            document = Parser.Parse(request.Query);
        }
        catch (GraphQLParserException)
        {
            // The executer reports the syntax error in the standard shape.
        }

        if (isGet && document is not null && SelectedOperation(document, request.OperationName) is { Operation: OperationType.Mutation or OperationType.Subscription })
        {
            http.Response.Headers.Allow = "POST";
            await WriteRequestErrorAsync(http, StatusCodes.Status405MethodNotAllowed, mediaType, "Mutations must be sent with POST.");
            return;
        }

        await ExecuteAsync(http, request, document, mediaType);
    }

    private async Task ExecuteAsync(HttpContext http, GraphQLRequest request, GraphQLDocument? document, string mediaType)
    {
        ExecutionResult result;
        CallerContext userContext;
        try
        {
            var caller = await callerFactory.CreateAsync(http.User, http.RequestAborted);
            userContext = new CallerContext { Caller = caller, ClientAddress = ClientAddressPartition.Of(http.Connection.RemoteIpAddress) };
            result = await executer.ExecuteAsync(execution =>
            {
                execution.Query = request.Query;
                execution.Document = document;
                execution.OperationName = request.OperationName;
                execution.Variables = request.Variables;
                execution.Extensions = request.Extensions;
                execution.RequestServices = http.RequestServices;
                execution.User = http.User;
                execution.UserContext = userContext;
                execution.CancellationToken = http.RequestAborted;
                execution.UnhandledExceptionDelegate = context =>
                {
                    if (context.OriginalException is not DomainException)
                    {
                        LogResolverFailure(logger, context.OriginalException.GetType().FullName, context.FieldContext?.Path is { } path ? string.Join('.', path) : null);
                    }

                    return Task.CompletedTask;
                };
            });
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        // Per the spec, a response without data (the request failed before execution) is a 4xx
        // under application/graphql-response+json; legacy application/json answers 200.
        http.Response.StatusCode = mediaType == GraphQLMediaType.GraphQLResponse && !result.Executed
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        if (userContext.RetryAfter is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

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
                Variables = query["variables"] is [{ Length: > 0 } variables] ? serializer.Deserialize<Inputs>(variables) : null,
                Extensions = query["extensions"] is [{ Length: > 0 } extensions] ? serializer.Deserialize<Inputs>(extensions) : null,
            }, default);
        }
        catch (JsonException)
        {
            return (null, (StatusCodes.Status400BadRequest, "The 'variables' and 'extensions' parameters must be JSON objects."));
        }
    }

    private async Task<(GraphQLRequest? Request, (int Status, string Message) Problem)> ReadBodyAsync(HttpContext http)
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
            var request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
            return request is { Query: { Length: > 0 } }
                ? (request, default)
                : (null, (StatusCodes.Status400BadRequest, "The body must be a JSON object with a 'query' string."));
        }
        catch (JsonException)
        {
            return (null, (StatusCodes.Status400BadRequest, "The body is not a valid GraphQL request in JSON."));
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, (StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {limit} bytes."));
        }
    }

    private static GraphQLOperationDefinition? SelectedOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }

    private async Task WriteRequestErrorAsync(HttpContext http, int status, string mediaType, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        var error = new ExecutionError(message, new DomainException(ErrorCodes.BadRequest, message));
        var result = new ExecutionResult { Executed = false, Errors = [error] };
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "A resolver failed with {ExceptionType} at {Path}.")]
    private static partial void LogResolverFailure(ILogger logger, string? exceptionType, string? path);
}
