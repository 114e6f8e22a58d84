using System.Diagnostics;

namespace CloudjetGraph.Benchmarks;

/// <summary>The benchmark's own process: another verb of it run as a child (seeding), and the machine's load.</summary>
public static class BenchProcess
{
    /// <summary>Runs this benchmark with <paramref name="arguments"/> in a child process and returns its exit code.</summary>
    public static async Task<int> RunSelfAsync(params string[] arguments)
    {
        // Run through the dotnet host or the apphost, whichever started this process.
        var start = new ProcessStartInfo(Environment.ProcessPath!);
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BenchProcess).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    /// <summary>The 1, 5 and 15 minute load averages.</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
