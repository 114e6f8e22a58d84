using GraphQL;

namespace CloudjetGraph.Api.GraphQL;

/// <summary>
/// How an operation whose refusals are part of its record names a refusal by the access policy:
/// the recorded operation, its target from the arguments, and whether callers without a token count.
/// </summary>
/// <param name="Operation">The recorded name, e.g. <c>privacy.erase-profile</c>.</param>
/// <param name="Target">The target as the operation itself records it, from the field's arguments and caller.</param>
/// <param name="IncludesAnonymous">Whether a refusal of a caller without a token is recorded too.</param>
internal sealed record RecordedRefusal(string Operation, Func<IResolveFieldContext, string> Target, bool IncludesAnonymous);
