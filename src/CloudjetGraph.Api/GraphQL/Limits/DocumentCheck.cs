using GraphQL;

namespace CloudjetGraph.Api.GraphQL.Limits;

/// <summary>What <see cref="DocumentGate.Check"/> found: the refusal, or the cost of the operation that will run.</summary>
/// <param name="Refusal">The error that refuses the document; null when it may run.</param>
/// <param name="Cost">The selected operation's cost; null when refused or when no operation is selected.</param>
internal sealed record DocumentCheck(ExecutionError? Refusal, long? Cost);
