using CloudjetGraph.Core.Errors;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using CloudjetGraph.Api.GraphQL.Http;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.GraphQL.Limits;

/// <summary>
/// Parses a document and holds it to the operation limits, before GraphQL.NET's validation and
/// execution see it. Every refusal is a client's mistake with its own code, never an exception
/// that reaches the error log.
/// </summary>
internal sealed class DocumentGate(CloudjetSchema schema, IOptions<GraphQLOptions> options, IHostEnvironment environment)
{
    // Deep enough for any document the depth limit admits; a deeper one is refused unparsed.
    private const int ParserMaxDepth = 128;
    private static readonly ParserOptions ParserOptions = new() { MaxDepth = ParserMaxDepth };

    /// <summary>The document, or the error that refuses its text.</summary>
    public async ValueTask<(GraphQLDocument? Document, ExecutionError? Refusal)> ParseAsync(string query, CancellationToken cancellationToken)
    {
        if (query.Length > options.Value.MaxDocumentLength)
        {
            return (null, RefusedOperationError.LimitExceeded(LimitNames.DocumentLength, options.Value.MaxDocumentLength));
        }

        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query, ParserOptions);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            // The parser's own guard against stack exhaustion, counted in syntax nodes.
            return (null, RefusedOperationError.LimitExceeded(LimitNames.Nesting, ParserMaxDepth));
        }
        catch (GraphQLSyntaxErrorException exception)
        {
            return (null, new SyntaxError(exception));
        }

        return await UnicodeText.IsValidAsync(document, cancellationToken)
            ? (document, null)
            : (null, new RefusedOperationError(ErrorCodes.Validation, UnicodeText.Refusal));
    }

    /// <summary>
    /// The error that refuses the document, or none when it may be validated and run; then the
    /// cost of the operation <paramref name="operationName"/> selects, if it selects one.
    /// </summary>
    public DocumentCheck Check(GraphQLDocument document, Inputs? variables, string? operationName)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Definitions.OfType<GraphQLOperationDefinition>().Any(o => o.Operation == OperationType.Subscription))
        {
            return new(new RefusedOperationError(ErrorCodes.ValidationFailed, "This schema has no subscriptions."), null);
        }

        schema.Initialize();
        var analyzer = new OperationAnalyzer(schema, OperationLimits.From(options.Value, environment.IsDevelopment()), variables);
        return analyzer.Analyze(document) is { } refusal ? new(refusal, null) : new(null, analyzer.CostOf(operationName));
    }
}
