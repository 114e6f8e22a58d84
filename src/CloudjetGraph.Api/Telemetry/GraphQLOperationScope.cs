using System.Diagnostics;
using CloudjetGraph.Api.GraphQL.Limits;
using GraphQL;
using GraphQLParser.AST;

namespace CloudjetGraph.Api.Telemetry;

/// <summary>
/// One GraphQL request as a span and a count. The span is named and tagged after the operation's
/// name and type (OpenTelemetry's semantic conventions for GraphQL), and both carry the client's
/// bounded identity; never the document, its variables or any value of the answer.
/// </summary>
internal sealed class GraphQLOperationScope : IDisposable
{
    /// <summary>Operation names are the client's to choose: a longer one is cut, to bound what a metric stores.</summary>
    public const int MaxNameLength = 100;

    private static readonly ActivitySource Source = new(TelemetryNames.GraphQL);

    private readonly GatewayMetrics _metrics;
    private readonly ClientIdentity _client;
    private readonly Activity? _activity;
    private string? _name;
    private string? _type;

    // Until the request is read, any answer is one to a request the gateway could not read.
    private string _outcome = RequestOutcomes.BadRequest;

    public GraphQLOperationScope(GatewayMetrics metrics, ClientIdentity client)
    {
        _metrics = metrics;
        _client = client;
        _activity = Source.StartActivity("GraphQL Operation");
        _activity?.SetTag(TelemetryNames.ClientName, client.Name);
        _activity?.SetTag(TelemetryNames.ClientVersion, client.Version);
    }

    /// <summary>Names the operation that <paramref name="operationName"/> selects in <paramref name="document"/>, if any.</summary>
    public void Identify(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = string.IsNullOrEmpty(operationName)
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        if (operation is null)
        {
            return;
        }

        _type = operation.Operation.ToString().ToLowerInvariant();
        _name = operation.Name is { } named ? Truncated(named.StringValue) : null;
        if (_activity is { } activity)
        {
            activity.DisplayName = _name is null ? _type : $"{_type} {_name}";
            activity.SetTag(TelemetryNames.OperationType, _type);
            activity.SetTag(TelemetryNames.OperationName, _name);
        }
    }

    /// <summary>The document was refused before execution; a limit's refusal is counted by limit.</summary>
    public void Refused(ExecutionError refusal)
    {
        _outcome = RequestOutcomes.Rejected;
        if (refusal is RefusedOperationError { Limit: { } limit })
        {
            _metrics.LimitRefused(limit, _client);
        }
    }

    /// <summary>The executer answered: with data and maybe errors, or without data (validation failed).</summary>
    public void Completed(ExecutionResult result) =>
        _outcome = !result.Executed ? RequestOutcomes.Rejected
            : result.Errors is { Count: > 0 } ? RequestOutcomes.Partial
            : RequestOutcomes.Success;

    /// <summary>The request ended early: <see cref="RequestOutcomes.Timeout"/> or <see cref="RequestOutcomes.Cancelled"/>.</summary>
    public void Ended(string outcome) => _outcome = outcome;

    public void Dispose()
    {
        _metrics.Request(_client, _name, _type, _outcome);
        if (_activity is { } activity)
        {
            activity.SetTag(TelemetryNames.Outcome, _outcome);
            if (_outcome == RequestOutcomes.Timeout)
            {
                activity.SetStatus(ActivityStatusCode.Error, _outcome);
            }

            activity.Dispose();
        }
    }

    private static string Truncated(string name) => name.Length <= MaxNameLength ? name : name[..MaxNameLength];
}
