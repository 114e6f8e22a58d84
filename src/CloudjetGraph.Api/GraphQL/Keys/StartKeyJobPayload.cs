namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>What <c>startKeyJob</c> answered when it returned.</summary>
/// <param name="Kind">The job kind.</param>
/// <param name="Scope">The scope's stored name.</param>
/// <param name="State">Running (in the gateway's background), or done when there was nothing to do.</param>
internal sealed record StartKeyJobPayload(string Kind, string Scope, string State);
