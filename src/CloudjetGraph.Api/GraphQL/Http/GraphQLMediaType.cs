using Microsoft.Net.Http.Headers;

namespace CloudjetGraph.Api.GraphQL.Http;

/// <summary>Response media types of the GraphQL-over-HTTP spec, and Accept negotiation between them.</summary>
internal static class GraphQLMediaType
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The media type to answer with, or null when the client accepts neither. A missing Accept,
    /// <c>*/*</c> and <c>application/*</c> get <c>application/json</c>, which legacy clients expect.
    /// </summary>
    public static string? Negotiate(IList<string>? acceptHeaders)
    {
        if (acceptHeaders is null || acceptHeaders.Count == 0
            || !MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted) || accepted.Count == 0)
        {
            return Json;
        }

        foreach (var candidate in accepted.Where(a => (a.Quality ?? 1) > 0).OrderByDescending(a => a.Quality ?? 1))
        {
            var mediaType = candidate.MediaType.Value?.ToLowerInvariant();
            switch (mediaType)
            {
                case GraphQLResponse:
                    return GraphQLResponse;
                case Json or "application/*" or "*/*":
                    return Json;
                default:
                    continue;
            }
        }

        return null;
    }

    /// <summary>Whether a request's Content-Type is JSON, the only body format the spec requires.</summary>
    public static bool IsJsonContent(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase)
        && (parsed.Charset.Value is null || string.Equals(parsed.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase));
}
