namespace CloudjetGraph.Benchmarks;

/// <summary>Where the gateway's own appsettings.json is, so the benchmarks run with its settings (field matrix, limits).</summary>
public static class GatewaySettings
{
    // BenchmarkDotNet runs a generated copy of this project under bin/, so the repository is found upwards.
    public static string Path()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "CloudjetGraph.sln")))
            {
                return System.IO.Path.Combine(folder.FullName, "src", "CloudjetGraph.Api", "appsettings.json");
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
