using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>Posts GraphQL requests to the test host over HTTP, optionally with a bearer token.</summary>
public sealed class GraphQLClient(HttpClient http, string? token, StaffReleases? releases = null)
{
    public HttpClient Http { get; } = http;

    public Task<GraphQLResponse> PostAsync(string query, object? variables = null) => SendQueryAsync(query, variables, clientAddress: null);

    /// <summary>Posts as if from <paramref name="clientAddress"/> (see <see cref="TestClientAddress"/>).</summary>
    public Task<GraphQLResponse> PostFromAsync(string clientAddress, string query) => SendQueryAsync(query, variables: null, clientAddress);

    private async Task<GraphQLResponse> SendQueryAsync(string query, object? variables, string? clientAddress)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        if (clientAddress is not null)
        {
            request.Headers.Add(TestClientAddress.Header, clientAddress);
        }

        var response = await SendAsync(request);
        releases?.Served(token, query, response);
        return response;
    }

    public async Task<GraphQLResponse> SendAsync(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var result = new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body) { RetryAfter = response.Headers.RetryAfter?.Delta };
        RaisedErrorCodes.Record(result.Codes);
        return result;
    }
}

/// <summary>A GraphQL HTTP response: status, media type, raw body and parsed JSON.</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, string? MediaType, string Body)
{
    public JsonNode Json { get; } = JsonNode.Parse(Body)!;

    public JsonNode? Data => Json["data"];

    /// <summary>The HTTP <c>Retry-After</c> header, when sent.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public JsonArray Errors => Json["errors"] as JsonArray ?? [];

    /// <summary>The codes of all errors, in order.</summary>
    public IReadOnlyList<string?> Codes => [.. Errors.Select(e => e?["extensions"]?["code"]?.GetValue<string>())];

    /// <summary>The error whose path is exactly <paramref name="path"/>, if any.</summary>
    public JsonNode? ErrorAt(params object[] path) =>
        Errors.FirstOrDefault(e => e?["path"]?.ToJsonString() == new JsonArray([.. path.Select(p => JsonValue.Create(p))]).ToJsonString());

    /// <summary>Fails unless the response has no errors; returns data.</summary>
    public JsonNode Ok()
    {
        Assert.True(Errors.Count == 0, $"Unexpected errors: {Errors.ToJsonString()}");
        return Data!;
    }
}
