using CloudjetGraph.Core.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Core.Retention;

/// <summary>Registers retention: its settings, the run, and the gateway's timer (which starts only in a host that runs).</summary>
internal static class RetentionServiceCollectionExtensions
{
    /// <summary>Adds <see cref="RetentionRun"/>, <see cref="AuditPruner"/> and <see cref="RetentionTimer"/>, with <see cref="RetentionOptions"/> validated at startup.</summary>
    public static IServiceCollection AddCloudjetRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AuditPruner>();
        services.AddScoped<RetentionRun>();
        services.AddHostedService<RetentionTimer>();
        return services;
    }
}
