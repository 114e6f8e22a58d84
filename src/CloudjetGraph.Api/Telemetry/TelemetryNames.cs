namespace CloudjetGraph.Api.Telemetry;

/// <summary>
/// The names operators' dashboards and alerts are built on: the activity source, meters,
/// instruments and attributes. Pinned by tests, so a rename is a deliberate contract change.
/// </summary>
internal static class TelemetryNames
{
    /// <summary>The activity source of GraphQL operations, and the meter of the gateway's own instruments.</summary>
    public const string GraphQL = "CloudjetGraph.GraphQL";

    /// <summary>Requests to <c>/graphql</c>, by operation name, operation type and outcome.</summary>
    public const string Requests = "cloudjet.graphql.requests";

    /// <summary>Requests refused by an operation or rate limit, by the limit's name.</summary>
    public const string LimitRefusals = "cloudjet.graphql.limit_refusals";

    /// <summary>Fields denied by the field matrix or the key custodian gate, by role and field.</summary>
    public const string Denials = "cloudjet.authorization.denials";

    /// <summary>The operation's name as the document gives it (semantic conventions for GraphQL).</summary>
    public const string OperationName = "graphql.operation.name";

    /// <summary><c>query</c> or <c>mutation</c> (semantic conventions for GraphQL).</summary>
    public const string OperationType = "graphql.operation.type";

    /// <summary>The client, from its <c>graphql-client-name</c> header: a known client's name, <c>other</c> or <c>unknown</c>.</summary>
    public const string ClientName = "graphql.client.name";

    /// <summary>A known client's version, from its <c>graphql-client-version</c> header: bounded, or <c>other</c> or <c>unknown</c>.</summary>
    public const string ClientVersion = "graphql.client.version";

    /// <summary>How the request ended: one of <see cref="RequestOutcomes"/>.</summary>
    public const string Outcome = "cloudjet.graphql.outcome";

    /// <summary>The limit that refused a request (<c>depth</c>, <c>loginPerAccount</c>, ...).</summary>
    public const string Limit = "cloudjet.limit";

    /// <summary>The caller's role.</summary>
    public const string Role = "cloudjet.role";

    /// <summary>The field a caller was denied.</summary>
    public const string Field = "cloudjet.field";
}
