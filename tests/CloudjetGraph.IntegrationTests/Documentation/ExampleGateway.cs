using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Documentation;

/// <summary>
/// The gateway as docs/examples expects it: the built gateway in Development on Kestrel at 127.0.0.1,
/// on a fresh data directory with the demo data; and bash running the examples' commands
/// against it with the real curl and the custodian tool, from the repository root.
/// </summary>
public sealed partial class ExampleGateway : IAsyncLifetime
{
    /// <summary>Printed after each command's output, to tell the outputs apart.</summary>
    private const string EndOfExample = "@@cloudjet-example-end@@";

    /// <summary>The address every example names (the README's default).</summary>
    private const string DocumentedAddress = "http://localhost:5297";

    private const string DocumentedTool = "dotnet run --project src/CloudjetGraph.Cli --";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "cloudjet-examples", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _environment;
    private ProjectProcess? _gateway;
    private string _address = string.Empty;

    public ExampleGateway()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>The same gateway with more settings, as environment variables (<c>GraphQL__TrustedDocuments__Mode</c>).</summary>
    internal ExampleGateway(IReadOnlyDictionary<string, string> settings)
    {
        _environment = new(settings)
        {
            ["ConnectionStrings__Cloudjet"] = $"Data Source={Path.Combine(_dataDirectory, "cloudjet.db")}",
            ["DataProtection__KeyRingPath"] = Path.Combine(_dataDirectory, "keys"),
        };
    }

    public async Task InitializeAsync()
    {
        _gateway = ProjectProcess.StartGateway(new Dictionary<string, string>(_environment) { ["ASPNETCORE_ENVIRONMENT"] = "Development" }, "--urls", "http://127.0.0.1:0");
        _address = (await _gateway.WaitForAsync(ListeningOn(), TimeSpan.FromMinutes(2))).Groups[1].Value;
    }

    /// <summary>
    /// Runs the examples in order in one bash, as a reader runs them in one shell, and returns
    /// each one's output: what curl printed, or for a block that sets a variable, "set" when the
    /// variable is not empty.
    /// </summary>
    public async Task<IReadOnlyList<string>> RunAsync(IReadOnlyList<DocumentationExample> examples)
    {
        // The documented tool is the built one, run in the gateway's folder as `dotnet run` would.
        var script = new StringBuilder();
        script.AppendLine(CultureInfo.InvariantCulture, $"cloudjet_built() {{ (cd '{ProjectProcess.GatewayFolder}' && exec dotnet '{ProjectProcess.CliAssembly}' \"$@\"); }}");
        foreach (var example in examples)
        {
            script.AppendLine(example.Command
                .Replace(DocumentedAddress, _address, StringComparison.Ordinal)
                .Replace(DocumentedTool, "cloudjet_built", StringComparison.Ordinal));
            if (example.Variable is { } variable)
            {
                script.Append("printf '%s' \"${").Append(variable).AppendLine(":+set}\"");
            }

            script.AppendLine("printf '\\n" + EndOfExample + "\\n'");
        }

        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        using var bash = Process.Start(start)!;
        await bash.StandardInput.WriteAsync(script.ToString());
        bash.StandardInput.Close();
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await bash.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            bash.Kill(entireProcessTree: true);
            Assert.Fail($"The examples did not finish within 5 minutes. stderr: {await stderr}");
        }

        var outputs = (await stdout).Split($"\n{EndOfExample}\n").ToList();
        Assert.True(outputs.Count == examples.Count + 1, $"bash ran {outputs.Count - 1} of {examples.Count} examples. stderr: {await stderr}");
        return outputs.Take(examples.Count).ToList();
    }

    public Task DisposeAsync()
    {
        _gateway?.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // The gateway never started.
        }

        return Task.CompletedTask;
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
