namespace CloudjetGraph.Core.Breaches;

/// <summary>A key custodian operation recorded in the trail at or after a compromise window's start: a measure taken.</summary>
/// <param name="At">When it was recorded.</param>
/// <param name="Operation">Its recorded name (<see cref="Custodians.CustodianOperationNames"/>).</param>
/// <param name="Target">The keys it acted on.</param>
/// <param name="Detail">Its recorded account (ids and counts).</param>
public sealed record CompromiseMeasure(DateTimeOffset At, string Operation, string Target, string Detail);
