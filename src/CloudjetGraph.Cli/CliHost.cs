using CloudjetGraph.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Cli;

/// <summary>The services of the gateway's Core, configured like the gateway, with logs on stderr so stdout stays clean for output.</summary>
internal static class CliHost
{
    public static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCloudjetCore();
        return builder.Build();
    }
}
