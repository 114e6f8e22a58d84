using System.Diagnostics;
using System.Text;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// A program of the repository as a process: built, as a deployment runs it (<c>dotnet
/// CloudjetGraph.Api.dll</c> in the gateway's folder, no build, no launch profile), or with
/// <c>dotnet run --no-build</c> where a test checks the README's own commands.
/// </summary>
public sealed class ProjectProcess : IDisposable
{
    public const string Configuration =
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    /// <summary>The gateway's project folder: its appsettings.json, and the working directory of the gateway and the custodian tool.</summary>
    public static readonly string GatewayFolder = Path.Combine(RepositoryRoot.Path, "src", "CloudjetGraph.Api");

    /// <summary>The built custodian tool.</summary>
    public static readonly string CliAssembly = BuiltAssembly("CloudjetGraph.Cli", "cloudjet.dll");

    private static readonly string GatewayAssembly = BuiltAssembly("CloudjetGraph.Api", "CloudjetGraph.Api.dll");

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ProjectProcess(ProcessStartInfo start, IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not start.");
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the built gateway with exactly the settings in <paramref name="environment"/>:
    /// Production unless it names another environment.
    /// </summary>
    public static ProjectProcess StartGateway(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Collecting(new ProjectProcess(Built(GatewayAssembly), environment, arguments));

    /// <summary>Runs the built gateway to its end (a startup that refuses): exit code, stdout and stderr apart.</summary>
    public static Task<(int ExitCode, string StandardOutput, string StandardError)> RunGatewayToEndAsync(
        IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        ToEndAsync(new ProjectProcess(Built(GatewayAssembly), environment, arguments));

    /// <summary>Runs the built custodian tool in the gateway's folder, as the runbook does, to its end.</summary>
    public static Task<(int ExitCode, string StandardOutput, string StandardError)> RunCliToEndAsync(
        IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        ToEndAsync(new ProjectProcess(Built(CliAssembly), environment, arguments));

    /// <summary>Starts a project with <c>dotnet run --no-build</c>, as the README writes it.</summary>
    public static ProjectProcess StartDotnetRun(string project, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Collecting(new ProjectProcess(DotnetRun(project), environment, arguments));

    /// <summary>Runs a project with <c>dotnet run --no-build</c>, as the README writes it, to its end.</summary>
    public static Task<(int ExitCode, string StandardOutput, string StandardError)> DotnetRunToEndAsync(
        string project, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        ToEndAsync(new ProjectProcess(DotnetRun(project), environment, arguments));

    /// <summary>Waits until a line of output matches, or fails with everything printed so far.</summary>
    public async Task<System.Text.RegularExpressions.Match> WaitForAsync(System.Text.RegularExpressions.Regex pattern, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            if (pattern.Match(Output) is { Success: true } match)
            {
                return match;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No output matched {pattern} (exited: {_process.HasExited}). Output:{Environment.NewLine}{Output}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private static string BuiltAssembly(string project, string assembly) => Path.Combine(RepositoryRoot.Path, "src", project, "bin", Configuration, "net10.0", assembly);

    private static ProcessStartInfo Built(string assembly)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = GatewayFolder };
        start.ArgumentList.Add(assembly);
        return start;
    }

    private static ProcessStartInfo DotnetRun(string project)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryRoot.Path };
        foreach (var argument in new[] { "run", "--project", project, "--no-build", "-c", Configuration })
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static ProjectProcess Collecting(ProjectProcess run)
    {
        run._process.OutputDataReceived += (_, line) => run.Append(line.Data);
        run._process.ErrorDataReceived += (_, line) => run.Append(line.Data);
        run._process.BeginOutputReadLine();
        run._process.BeginErrorReadLine();
        return run;
    }

    private static async Task<(int ExitCode, string StandardOutput, string StandardError)> ToEndAsync(ProjectProcess started)
    {
        using var run = started;
        var stdout = run._process.StandardOutput.ReadToEndAsync();
        var stderr = run._process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await run._process.WaitForExitAsync(timeout.Token);
        return (run._process.ExitCode, await stdout, await stderr);
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
