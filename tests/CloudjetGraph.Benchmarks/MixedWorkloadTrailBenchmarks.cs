using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using CloudjetGraph.Core.Authorization;

namespace CloudjetGraph.Benchmarks;

/// <summary>
/// What the audit trail costs the mixed workload of the load test (issue 10, target: at most 15%
/// of throughput): management pages of 20 with every personal field, sales pages of 20, support
/// reading one profile by id, in turn, from 32 workers at once (the load test's connections), each
/// sending 8 requests one after another, through the real host in process with the trail on against
/// <see cref="NoAuditSink"/>. Several requests per worker make it a stream, as under wrk: with one
/// request each, every invocation ended on a wait for the last group commit that a stream overlaps
/// with other requests' work. The gateway has no setting
/// that turns the trail off, so this is the only place it is measured off.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessSteadyRun))]
public class MixedWorkloadTrailBenchmarks : IAsyncDisposable
{
    private const int Workers = 32;
    private const int RequestsPerWorker = 8;
    private const int Requests = Workers * RequestsPerWorker;
    private const string ManagementPage = "{ profiles(first: 20) { totalCount nodes { id fullName email phone skype department jobTitle loginEmail organization { name } } } }";
    private const string SalesPage = "{ profiles(first: 20) { nodes { id fullName email phone department jobTitle } } }";
    private const string SupportProfile = "query($id: ID!) { profile(id: $id) { id fullName email phone } }";

    private Mix _off = null!;
    private Mix _on = null!;

    [GlobalSetup]
    public void Setup()
    {
        _off = Mix.Start(trail: false);
        _on = Mix.Start(trail: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public Task<int[]> TrailOff() => _off.RunAsync(Workers, RequestsPerWorker);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task<int[]> TrailOn() => _on.RunAsync(Workers, RequestsPerWorker);

    [GlobalCleanup]
    public async ValueTask DisposeAsync()
    {
        await _off.DisposeAsync();
        await _on.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private sealed class Mix : IAsyncDisposable
    {
        private readonly BenchmarkGateway _gateway;
        private readonly HttpClient _management;
        private readonly HttpClient _sales;
        private readonly HttpClient _support;
        private readonly string[] _supportIds;

        private Mix(BenchmarkGateway gateway)
        {
            _gateway = gateway;
            _management = gateway.CreateClient("management-demo", new Role("management"));
            _sales = gateway.CreateClient("sales-demo", new Role("sales"));
            _support = gateway.CreateClient("support-demo", new Role("support"));
            var page = PostAsync(_support, "{ profiles(first: 10) { nodes { id } } }", null).GetAwaiter().GetResult();
            _supportIds = [.. JsonNode.Parse(page)!["data"]!["profiles"]!["nodes"]!.AsArray().Select(node => node!["id"]!.GetValue<string>())];
        }

        public static Mix Start(bool trail)
        {
            var mix = new Mix(new BenchmarkGateway(trail));
            // A support profile answers about 150 characters; null (out of reach) would be about 30.
            if (mix.RunAsync(3, 1).GetAwaiter().GetResult().Any(length => length < 100))
            {
                throw new InvalidOperationException("A request of the mix came back without its data.");
            }

            return mix;
        }

        // The shortest answer of each worker's requests. Request n of a worker is management, sales
        // or support in turn, as in the load test's mixed scenario.
        public Task<int[]> RunAsync(int workers, int requestsPerWorker) => Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            var shortest = int.MaxValue;
            for (var n = worker; n < worker + requestsPerWorker; n++)
            {
                shortest = Math.Min(shortest, await ((n % 3) switch
                {
                    0 => LengthAsync(_management, ManagementPage, null),
                    1 => LengthAsync(_sales, SalesPage, null),
                    _ => LengthAsync(_support, SupportProfile, new { id = _supportIds[n / 3 % _supportIds.Length] }),
                }));
            }

            return shortest;
        }));

        public async ValueTask DisposeAsync()
        {
            _management.Dispose();
            _sales.Dispose();
            _support.Dispose();
            await _gateway.DisposeAsync();
        }

        private static async Task<int> LengthAsync(HttpClient client, string query, object? variables) => (await PostAsync(client, query, variables)).Length;

        private static async Task<string> PostAsync(HttpClient client, string query, object? variables)
        {
            using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
            var body = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode && !body.Contains("\"errors\"", StringComparison.Ordinal) ? body : throw new InvalidOperationException($"A request failed: HTTP {(int)response.StatusCode}.");
        }
    }
}
