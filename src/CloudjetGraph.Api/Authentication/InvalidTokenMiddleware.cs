using CloudjetGraph.Api.GraphQL.Http;
using CloudjetGraph.Core.Errors;
using GraphQL;
using Microsoft.AspNetCore.Authentication;

namespace CloudjetGraph.Api.Authentication;

/// <summary>
/// Answers a request whose bearer token failed validation with 401 and an RFC 6750 challenge
/// (<c>WWW-Authenticate: Bearer error="invalid_token"</c>) and a GraphQL-shaped error, instead of
/// serving it as anonymous: a client with an expired token must learn that, not see empty data.
/// A request without a token passes unchanged.
/// </summary>
internal sealed class InvalidTokenMiddleware(RequestDelegate next)
{
    private const string Message = "The bearer token is invalid or expired. Send a valid token, or none for anonymous access.";

    public async Task InvokeAsync(HttpContext http, IGraphQLTextSerializer serializer)
    {
        // The authentication middleware has run the handler already; this returns its cached result.
        var result = await http.AuthenticateAsync();
        if (result.Failure is null)
        {
            await next(http);
            return;
        }

        await http.ChallengeAsync();
        http.Response.ContentType = $"{GraphQLMediaType.Negotiate(http.Request.Headers.Accept) ?? GraphQLMediaType.Json}; charset=utf-8";
        var error = new ExecutionError(Message, new DomainException(ErrorCodes.InvalidToken, Message));
        await serializer.WriteAsync(http.Response.Body, new ExecutionResult { Executed = false, Errors = [error] }, http.RequestAborted);
    }
}
