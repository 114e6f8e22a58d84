using System.Diagnostics;
using System.Text;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// The built custodian tool as a real process (<c>dotnet cloudjet.dll</c>, no build, quick to
/// start), working in the gateway's project folder as the README says, so it can be killed at any moment.
/// </summary>
public sealed class CliProcess : IDisposable
{
    private const string Configuration =
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public CliProcess(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(RepositoryRoot.Path, "src", "CloudjetGraph.Api"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ToolPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("The custodian tool did not start.");
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The built tool, as the tests start it.</summary>
    public static string ToolPath => Path.Combine(RepositoryRoot.Path, "src", "CloudjetGraph.Cli", "bin", Configuration, "net10.0", "cloudjet.dll");

    public int Id => _process.Id;

    /// <summary>Whether the process has ended with this exit code.</summary>
    public bool HasExitedWith(int exitCode) => _process.HasExited && _process.ExitCode == exitCode;

    /// <summary>Standard output and error, interleaved, so far.</summary>
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

    /// <summary>The environment that points the tool at a test host's files.</summary>
    public static Dictionary<string, string> EnvironmentOf(CloudjetApplication host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var environment = host.DatabaseSettings().ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value ?? string.Empty);
        environment["DataProtection__KeyRingPath"] = host.KeyRingPath;
        environment["DOTNET_ENVIRONMENT"] = "Development";
        return environment;
    }

    /// <summary>Waits for the exit and returns the exit code; fails after <paramref name="timeout"/>.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary><c>kill -9</c>: no cleanup, no lease release, no checkpoint.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    /// <summary>Ctrl+C, as a custodian at a terminal would press it.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Waits until the output contains <paramref name="text"/>, or fails with everything printed so far.</summary>
    public async Task WaitForAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new TimeoutException($"No output held '{text}' (exited: {_process.HasExited}). Output:{Environment.NewLine}{Output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits until the output contains <paramref name="text"/> (true) or the process ends without it (false).</summary>
    public async Task<bool> WaitForWorkAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                // The output of an exited process is complete only once its readers drained it.
                _process.WaitForExit();
                return Output.Contains(text, StringComparison.Ordinal);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No output held '{text}'. Output:{Environment.NewLine}{Output}");
            }

            await Task.Delay(20);
        }

        return true;
    }

    public void Dispose()
    {
        KillHard();
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
