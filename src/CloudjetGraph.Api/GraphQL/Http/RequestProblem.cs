namespace CloudjetGraph.Api.GraphQL.Http;

/// <summary>Why a request was refused before its document was read: the HTTP status, the error code and a message for the client.</summary>
internal sealed record RequestProblem(int Status, string Code, string Message);
