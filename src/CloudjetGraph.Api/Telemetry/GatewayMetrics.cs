using System.Diagnostics;
using System.Diagnostics.Metrics;
using CloudjetGraph.Core.Authorization;

namespace CloudjetGraph.Api.Telemetry;

/// <summary>
/// The gateway's own instruments: requests by client, operation and outcome, limit refusals by
/// limit (and client, for documents), and denials by role and field. Attributes hold names from the schema and the code, never a value.
/// </summary>
internal sealed class GatewayMetrics
{
    private readonly Counter<long> _requests;
    private readonly Counter<long> _limitRefusals;
    private readonly Counter<long> _denials;

    public GatewayMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(TelemetryNames.GraphQL);
        _requests = meter.CreateCounter<long>(TelemetryNames.Requests, "{request}", "GraphQL requests, by operation name, operation type and outcome.");
        _limitRefusals = meter.CreateCounter<long>(TelemetryNames.LimitRefusals, "{request}", "Requests or fields refused by an operation or rate limit, by limit.");
        _denials = meter.CreateCounter<long>(TelemetryNames.Denials, "{field}", "Fields denied to a caller, by role and field.");
    }

    public void Request(ClientIdentity client, string? operationName, string? operationType, string outcome)
    {
        var tags = ClientTags(client);
        tags.Add(TelemetryNames.Outcome, outcome);
        if (operationName is not null)
        {
            tags.Add(TelemetryNames.OperationName, operationName);
        }

        if (operationType is not null)
        {
            tags.Add(TelemetryNames.OperationType, operationType);
        }

        _requests.Add(1, tags);
    }

    /// <summary>A limit refused a request; <paramref name="client"/> is known for GraphQL documents, not for sign-in attempts.</summary>
    public void LimitRefused(string limit, ClientIdentity? client = null)
    {
        var tags = client is { } known ? ClientTags(known) : new TagList();
        tags.Add(TelemetryNames.Limit, limit);
        _limitRefusals.Add(1, tags);
    }

    private static TagList ClientTags(ClientIdentity client)
    {
        var tags = new TagList { { TelemetryNames.ClientName, client.Name } };
        if (client.Version is not null)
        {
            tags.Add(TelemetryNames.ClientVersion, client.Version);
        }

        return tags;
    }

    public void Denied(Role role, string field) =>
        _denials.Add(1, new KeyValuePair<string, object?>(TelemetryNames.Role, role.Name), new KeyValuePair<string, object?>(TelemetryNames.Field, field));
}
