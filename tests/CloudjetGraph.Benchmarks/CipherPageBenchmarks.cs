using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Benchmarks;

/// <summary>
/// What opening costs a page (issue 10, target: at least 0.8 of the no-op-cipher page): 50 profiles
/// with every personal field, read by management through the real host, schema and release path
/// over HTTP in process, with the real <see cref="FieldCipher"/> against the same host with
/// <see cref="NoOpFieldCipher"/>; and the id-only page of the real host for scale. Both hosts use
/// <see cref="NoAuditSink"/>, so that the trail's commit wait (measured in
/// <see cref="AuditTrailPageBenchmarks"/>) does not hide the cipher's share.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessSteadyRun))]
public class CipherPageBenchmarks : IAsyncDisposable
{
    private const string PersonalPage = "query CipherBench { profiles(first: 50) { nodes { id createdAt fullName email phone skype department jobTitle loginEmail } } }";
    private const string IdsPage = "query CipherBench { profiles(first: 50) { nodes { id createdAt } } }";

    private BenchmarkGateway _noOp = null!;
    private BenchmarkGateway _real = null!;
    private HttpClient _noOpClient = null!;
    private HttpClient _realClient = null!;

    [GlobalSetup]
    public void Setup()
    {
        _noOp = new BenchmarkGateway(trail: false, services => services.AddSingleton<IFieldCipher>(provider => new NoOpFieldCipher(provider.GetRequiredService<FieldCipher>())));
        _real = new BenchmarkGateway(trail: false);
        _noOpClient = _noOp.CreateClient("management-bench", new Role("management"));
        _realClient = _real.CreateClient("management-bench", new Role("management"));

        // The two answers must be alike (same demo values, other ids), or the ratio compares different work.
        var noOpLength = ReadAsync(_noOpClient, PersonalPage).GetAwaiter().GetResult();
        var realLength = ReadAsync(_realClient, PersonalPage).GetAwaiter().GetResult();
        if (realLength < 10_000 || Math.Abs(noOpLength - realLength) > realLength / 20)
        {
            throw new InvalidOperationException($"The pages differ: {noOpLength} and {realLength} characters.");
        }
    }

    [Benchmark(Baseline = true)]
    public Task<int> NoOpCipher() => ReadAsync(_noOpClient, PersonalPage);

    [Benchmark]
    public Task<int> RealCipher() => ReadAsync(_realClient, PersonalPage);

    [Benchmark]
    public Task<int> IdsOnly() => ReadAsync(_realClient, IdsPage);

    [GlobalCleanup]
    public async ValueTask DisposeAsync()
    {
        _noOpClient.Dispose();
        _realClient.Dispose();
        await _noOp.DisposeAsync();
        await _real.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static async Task<int> ReadAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query });
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode && !body.Contains("\"errors\"", StringComparison.Ordinal) ? body.Length : throw new InvalidOperationException($"The page failed: HTTP {(int)response.StatusCode}.");
    }
}
