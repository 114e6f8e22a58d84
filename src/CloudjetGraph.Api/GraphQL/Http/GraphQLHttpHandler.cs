using System.Globalization;
using CloudjetGraph.Api.Authentication;
using CloudjetGraph.Api.GraphQL.Limits;
using CloudjetGraph.Api.GraphQL.TrustedDocuments;
using CloudjetGraph.Api.RateLimiting;
using CloudjetGraph.Api.Telemetry;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.ProfileRecords;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP (POST with JSON, GET for queries) per the GraphQL-over-HTTP spec: media type
/// negotiation, status codes, and errors that always carry a code and never an exception's text.
/// Every request is bounded: its document by the operation limits before validation, its work by
/// a timeout and by the client staying connected, its response by the error cap.
/// </summary>
internal sealed partial class GraphQLHttpHandler(
    IDocumentExecuter<CloudjetSchema> executer,
    IGraphQLTextSerializer serializer,
    GraphQLRequestReader reader,
    DocumentGate gate,
    ValidatedDocuments validatedDocuments,
    TrustedDocumentResolver trustedDocuments,
    CallerFactory callerFactory,
    GatewayMetrics metrics,
    ClientIdentifier clients,
    IOptions<GraphQLOptions> options,
    ILogger<GraphQLHttpHandler> logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        using var operation = new GraphQLOperationScope(metrics, clients.Identify(http.Request.Headers));
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

        // One token for all of the request's work: it fires at the timeout or when the client goes.
        using var work = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        work.CancelAfter(options.Value.RequestTimeout);
        try
        {
            await HandleAsync(http, isGet, mediaType, operation, work.Token);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            operation.Ended(RequestOutcomes.Cancelled);
            LogClientDisconnected(logger);
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested)
        {
            operation.Ended(RequestOutcomes.Timeout);
            LogTimedOut(logger, options.Value.RequestTimeout);
            if (!http.Response.HasStarted)
            {
                // Not the client's fault: 504 where the media type has status codes for errors.
                var status = mediaType == GraphQLMediaType.GraphQLResponse ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status200OK;
                await WriteResultAsync(http, status, mediaType, Refused(new RefusedOperationError(ErrorCodes.Timeout, string.Create(CultureInfo.InvariantCulture, $"The request took longer than {options.Value.RequestTimeout.TotalSeconds:0.###} s and was stopped."))), http.RequestAborted);
            }
        }
    }

    private async Task HandleAsync(HttpContext http, bool isGet, string mediaType, GraphQLOperationScope operation, CancellationToken cancellationToken)
    {
        var (request, problem) = await reader.ReadAsync(http, isGet, cancellationToken);
        if (request is null)
        {
            await WriteRequestErrorAsync(http, problem!.Status, mediaType, problem.Message, problem.Code);
            return;
        }

        // Which document runs is settled before any parsing: a refused one is never parsed.
        var (query, untrusted) = trustedDocuments.Resolve(request, http.User);
        if (untrusted is not null)
        {
            await RefuseAsync(http, mediaType, operation, untrusted, cancellationToken);
            return;
        }

        request.Query = query;
        var validated = validatedDocuments.Find(request.Query!);
        var (document, refusal) = validated is not null ? (validated, null) : await gate.ParseAsync(request.Query!, cancellationToken);
        if (document is not null)
        {
            operation.Identify(document, request.OperationName);
        }

        // Whatever operationName holds (absent, empty, or naming no operation), a GET runs nothing
        // but queries: a link or an image on another site must never change data.
        if (isGet && document is not null && document.Definitions.OfType<GraphQLOperationDefinition>().Any(o => o.Operation != OperationType.Query))
        {
            http.Response.Headers.Allow = "POST";
            await WriteRequestErrorAsync(http, StatusCodes.Status405MethodNotAllowed, mediaType, "Mutations must be sent with POST.");
            return;
        }

        var check = refusal is null ? gate.Check(document!, request.Variables, request.OperationName) : null;
        refusal ??= check?.Refusal;
        if (refusal is not null)
        {
            await RefuseAsync(http, mediaType, operation, refusal, cancellationToken);
            return;
        }

        var result = await ExecuteAsync(http, request, document!, validated is not null, cancellationToken);
        if (validated is null && result.Executed)
        {
            validatedDocuments.Add(request.Query!, document!);
        }

        CapErrors(result);
        if (check?.Cost is { } cost && OperationCostReport.IsRequested(http.Request))
        {
            OperationCostReport.AddTo(result, cost, options.Value.MaxCost);
        }

        operation.Completed(result);
        var status = result.Executed ? StatusCodes.Status200OK
            : IsAuditRefusal(result) && mediaType == GraphQLMediaType.GraphQLResponse ? StatusCodes.Status503ServiceUnavailable
            : NotExecutedStatus(mediaType);
        await WriteResultAsync(http, status, mediaType, result, cancellationToken);
    }

    private async Task RefuseAsync(HttpContext http, string mediaType, GraphQLOperationScope operation, ExecutionError refusal, CancellationToken cancellationToken)
    {
        LogRefused(logger, refusal.Code, (refusal as RefusedOperationError)?.Limit);
        operation.Refused(refusal);
        await WriteResultAsync(http, NotExecutedStatus(mediaType), mediaType, Refused(refusal), cancellationToken);
    }

    private async Task<ExecutionResult> ExecuteAsync(HttpContext http, GraphQLRequest request, GraphQLDocument document, bool validated, CancellationToken cancellationToken)
    {
        var caller = await callerFactory.CreateAsync(http.User, cancellationToken);
        var ledger = http.RequestServices.GetRequiredService<AuditLedger>();
        var userContext = new CallerContext { Caller = caller, ClientAddress = ClientAddressPartition.Of(http.Connection.RemoteIpAddress) };
        var result = await executer.ExecuteAsync(execution =>
        {
            execution.Query = request.Query;
            execution.Document = document;
            if (validated)
            {
                // Passed every rule before; the rules that read the chosen operation are added back
                // by their registration (useForCachedDocuments), and variables are coerced anew.
                execution.ValidationRules = execution.CachedDocumentValidationRules ?? [];
            }

            execution.OperationName = request.OperationName;
            execution.Variables = request.Variables;
            execution.Extensions = request.Extensions;
            execution.RequestServices = http.RequestServices;
            execution.User = http.User;
            execution.UserContext = userContext;
            execution.CancellationToken = cancellationToken;
            execution.UnhandledExceptionDelegate = context =>
            {
                if (context.OriginalException is DomainException refusal && context.FieldContext is { } field)
                {
                    FieldRefusals.Record(field, refusal);
                }
                else if (context.OriginalException is not DomainException)
                {
                    LogResolverFailure(logger, context.OriginalException.GetType().FullName, context.FieldContext?.Path is { } path ? string.Join('.', path) : null);
                }

                return Task.CompletedTask;
            };
        });
        if (userContext.RetryAfter is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        // Durable before the response exists: personal data leaves only with its audit entry committed.
        try
        {
            await ledger.CommitAsync(OperationNameOf(request, document), userContext.ClientAddress, cancellationToken);
        }
        catch (AuditTrailUnavailableException)
        {
            LogAuditRefused(logger);
            return Refused(new ExecutionError("The audit trail could not be written, so no data was returned; try again.", new DomainException(ErrorCodes.AuditUnavailable, "The audit trail could not be written.")));
        }

        return result;
    }

    // The name of the operation that ran: the one asked for, or the document's only one (null when
    // unnamed, or when several were sent without a name and none ran).
    private static string? OperationNameOf(GraphQLRequest request, GraphQLDocument document)
    {
        if (request.OperationName is { Length: > 0 } name)
        {
            return name;
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().Take(2).ToList();
        return operations.Count == 1 ? operations[0].Name?.StringValue : null;
    }

    /// <summary>Keeps the first errors and replaces the rest by one error that counts them.</summary>
    private void CapErrors(ExecutionResult result)
    {
        var maximum = options.Value.MaxErrors;
        if (result.Errors is not { } errors || errors.Count <= maximum)
        {
            return;
        }

        var kept = new ExecutionErrors();
        kept.AddRange(errors.Take(maximum));
        kept.Add(new RefusedOperationError(ErrorCodes.LimitExceeded, $"{errors.Count - maximum} more errors were left out; a response holds at most {maximum}.", LimitNames.Errors, maximum));
        result.Errors = kept;
    }

    // Per the spec, a response without data (the request failed before execution) is a 4xx under
    // application/graphql-response+json; legacy application/json answers 200.
    private static int NotExecutedStatus(string mediaType) =>
        mediaType == GraphQLMediaType.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;

    // Not the client's fault, and worth a retry: 503 where the media type has status codes for errors.
    private static bool IsAuditRefusal(ExecutionResult result) =>
        result.Errors is [{ InnerException: DomainException { Code: ErrorCodes.AuditUnavailable } }];

    private static ExecutionResult Refused(ExecutionError error) => new() { Executed = false, Errors = [error] };

    private async Task WriteResultAsync(HttpContext http, int status, string mediaType, ExecutionResult result, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, cancellationToken);
    }

    private Task WriteRequestErrorAsync(HttpContext http, int status, string mediaType, string message, string code = ErrorCodes.BadRequest) =>
        WriteResultAsync(http, status, mediaType, Refused(new ExecutionError(message, new DomainException(code, message))), http.RequestAborted);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "A resolver failed with {ExceptionType} at {Path}.")]
    private static partial void LogResolverFailure(ILogger logger, string? exceptionType, string? path);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Refused a document before execution: {Code} {Limit}.")]
    private static partial void LogRefused(ILogger logger, string? code, string? limit);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Stopped a request at its timeout of {Timeout}.")]
    private static partial void LogTimedOut(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "The client went away; its request's work was stopped.")]
    private static partial void LogClientDisconnected(ILogger logger);

    [LoggerMessage(EventId = 2005, EventName = "AuditRefusedResponse", Level = LogLevel.Error, Message = "A response was withheld because its audit entries could not be written.")]
    private static partial void LogAuditRefused(ILogger logger);
}
