using CloudjetGraph.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Cli;

/// <summary>The services of the gateway's Core, configured like the gateway, with logs on stderr so stdout stays clean for output.</summary>
internal static class CliHost
{
    /// <summary>Builds the host; <paramref name="settings"/>, if given, override the files and environment (in-process tests run commands this way).</summary>
    public static IHost Build(IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCloudjetCore();
        return builder.Build();
    }
}
