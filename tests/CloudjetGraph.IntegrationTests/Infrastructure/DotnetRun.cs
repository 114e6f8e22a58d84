using System.Diagnostics;
using System.Text;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>Runs a project of the repository with <c>dotnet run --no-build</c>, as the README tells people to.</summary>
public sealed class DotnetRun : IDisposable
{
    public const string Configuration =
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private DotnetRun(string project, IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "--project", project, "--no-build", "-c", Configuration }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet run {project} did not start.");
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

    /// <summary>Starts a long-running project; output is collected in the background.</summary>
    public static DotnetRun Start(string project, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var run = new DotnetRun(project, environment, arguments);
        run._process.OutputDataReceived += (_, line) => run.Append(line.Data);
        run._process.ErrorDataReceived += (_, line) => run.Append(line.Data);
        run._process.BeginOutputReadLine();
        run._process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Runs a command to its end and returns its exit code, stdout and stderr apart.</summary>
    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunToEndAsync(
        string project, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var run = new DotnetRun(project, environment, arguments);
        var stdout = run._process.StandardOutput.ReadToEndAsync();
        var stderr = run._process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await run._process.WaitForExitAsync(timeout.Token);
        return (run._process.ExitCode, await stdout, await stderr);
    }

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
