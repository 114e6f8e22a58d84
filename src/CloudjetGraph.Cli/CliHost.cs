using CloudjetGraph.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Cli;

/// <summary>The services of the gateway's Core, configured like the gateway, with logs on stderr so stdout stays clean for output.</summary>
internal static class CliHost
{
    /// <summary>
    /// Builds the host from appsettings.json in the working directory and the environment;
    /// <paramref name="settings"/> (<c>--Section:Key=value</c>, <c>--environment=Name</c>) override
    /// both, which lets tests run a command in process on their own folder.
    /// </summary>
    public static IHost Build(params string[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory(), Args = settings });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCloudjetCore(builder.Configuration);
        return builder.Build();
    }
}
