using System.Net.Http.Headers;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using CloudjetGraph.Core.Authentication;
using CloudjetGraph.Core.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Benchmarks;

/// <summary>
/// What the audit trail costs (issue 7, item 6): a page of 50 profiles with seven personal fields
/// read by management through the real host over HTTP, with the trail on (every request's release
/// entry committed before its response) against the same host with <see cref="NoAuditSink"/>, in
/// one run. One request at a time (each pays a whole commit), and 16 at once (they share commits).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRun))]
public class AuditTrailPageBenchmarks : IAsyncDisposable
{
    private const int Concurrent = 16;
    private const string Page = "query AuditBench { profiles(first: 50) { nodes { id fullName email phone skype department jobTitle loginEmail } } }";

    private BenchmarkGateway _off = null!;
    private BenchmarkGateway _on = null!;
    private HttpClient _offClient = null!;
    private HttpClient _onClient = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_off, _offClient) = Start(trail: false);
        (_on, _onClient) = Start(trail: true);
    }

    [Benchmark(Baseline = true)]
    public Task<int> TrailOff() => ReadAsync(_offClient);

    [Benchmark]
    public Task<int> TrailOn() => ReadAsync(_onClient);

    [Benchmark(OperationsPerInvoke = Concurrent)]
    public Task<int[]> TrailOff16Concurrent() => Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => ReadAsync(_offClient)));

    [Benchmark(OperationsPerInvoke = Concurrent)]
    public Task<int[]> TrailOn16Concurrent() => Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => ReadAsync(_onClient)));

    [GlobalCleanup]
    public async ValueTask DisposeAsync()
    {
        _offClient.Dispose();
        _onClient.Dispose();
        await _off.DisposeAsync();
        await _on.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static (BenchmarkGateway Gateway, HttpClient Client) Start(bool trail)
    {
        var gateway = new BenchmarkGateway(trail);
        var client = gateway.CreateClient();
        var token = gateway.Services.GetRequiredService<TokenIssuer>().Issue("management-bench", new Role("management"), TimeSpan.FromHours(2)).Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (ReadAsync(client).GetAwaiter().GetResult() < 10_000)
        {
            throw new InvalidOperationException("The page did not come back with its personal fields.");
        }

        return (gateway, client);
    }

    private static async Task<int> ReadAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query = Page });
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode && !body.Contains("\"errors\"", StringComparison.Ordinal) ? body.Length : throw new InvalidOperationException($"The page failed: HTTP {(int)response.StatusCode}.");
    }
}
