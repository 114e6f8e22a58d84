using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.GraphQL;

/// <summary>A request's work stops at its timeout, and when its client goes away.</summary>
[ProviderSensitive("cancels running queries, which each provider does its own way")]
public sealed class RequestCancellationTests
{
    // Only guards against a hang; what the tests observe is the resolver's cancellation.
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData("application/json", HttpStatusCode.OK)]
    [InlineData("application/graphql-response+json", HttpStatusCode.GatewayTimeout)]
    public async Task Anonymous_QueryRunningPastTheTimeout_IsCancelledAndAnswersTimeout(string accept, HttpStatusCode status)
    {
        await using var app = new SlowOrganizationsApplication();
        app.With("GraphQL:RequestTimeout", "00:00:01");
        await app.InitializeAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ organizations { id } }" }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));

        var response = await app.Client().SendAsync(request).WaitAsync(Guard);

        Assert.Equal(status, response.Status);
        Assert.Equal(["TIMEOUT"], response.Codes);
        Assert.Equal("The request took longer than 1 s and was stopped.", response.Errors[0]!["message"]!.GetValue<string>());
        Assert.Equal(1, app.CancelledCount);
        Assert.DoesNotContain(app.Logs.Lines, line => line.StartsWith("Error ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anonymous_DisconnectsDuringAQuery_StopsItsWork()
    {
        // A timeout far beyond the guard: only the disconnect can cancel the resolver in time.
        await using var app = new SlowOrganizationsApplication();
        app.With("GraphQL:RequestTimeout", "00:10:00");
        await app.InitializeAsync();
        using var http = app.CreateClient();
        using var disconnect = new CancellationTokenSource();

        var sending = http.PostAsJsonAsync("/graphql", new JsonObject { ["query"] = "{ organizations { id } }" }, disconnect.Token);
        await app.Started.Task.WaitAsync(Guard);
        await disconnect.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        await app.Cancelled.Task.WaitAsync(Guard);
        Assert.Equal(1, app.CancelledCount);
    }
}
