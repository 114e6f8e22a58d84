namespace CloudjetGraph.Api.Telemetry;

/// <summary>The values of <see cref="TelemetryNames.Outcome"/>.</summary>
internal static class RequestOutcomes
{
    /// <summary>Executed without an error.</summary>
    public const string Success = "success";

    /// <summary>Executed, with errors at some paths (denied fields, say) beside the data.</summary>
    public const string Partial = "partial";

    /// <summary>Not executed: the document did not parse, validate or fit the limits.</summary>
    public const string Rejected = "rejected";

    /// <summary>Not a GraphQL-over-HTTP request the gateway could read.</summary>
    public const string BadRequest = "bad_request";

    /// <summary>Stopped at the request timeout.</summary>
    public const string Timeout = "timeout";

    /// <summary>The client went away before the answer.</summary>
    public const string Cancelled = "cancelled";
}
