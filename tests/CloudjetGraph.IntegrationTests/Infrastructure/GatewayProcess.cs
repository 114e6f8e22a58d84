using System.Text.RegularExpressions;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// The built gateway as a process of its own (<c>dotnet CloudjetGraph.Api.dll</c>) on
/// 127.0.0.1 and a free port: one of several instances behind a load balancer.
/// </summary>
public sealed partial class GatewayProcess : IDisposable
{
    private readonly ProjectProcess _run;
    private readonly HttpClient _http = new();

    private GatewayProcess(ProjectProcess run) => _run = run;

    /// <summary>Everything the process printed so far.</summary>
    public string Output => _run.Output;

    /// <summary>Starts an instance with exactly the settings in <paramref name="environment"/> (no launch profile).</summary>
    public static GatewayProcess Start(IReadOnlyDictionary<string, string> environment) =>
        new(ProjectProcess.StartGateway(environment, "--urls", "http://127.0.0.1:0"));

    /// <summary>Waits until it listens (its startup finished), or fails with what it printed.</summary>
    public async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var address = (await _run.WaitForAsync(ListeningOn(), timeout)).Groups[1].Value;
        _http.BaseAddress = new Uri(address);
    }

    /// <summary>A client of this instance, with a bearer token or anonymous.</summary>
    public GraphQLClient Client(string? token = null) => new(_http, token);

    public void Dispose()
    {
        _run.Dispose();
        _http.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
