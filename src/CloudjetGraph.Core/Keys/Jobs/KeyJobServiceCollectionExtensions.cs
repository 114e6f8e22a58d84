using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>Registers the key jobs: lease, runner, steps, the recorded entry point and the status reader.</summary>
internal static class KeyJobServiceCollectionExtensions
{
    /// <summary>Adds <see cref="KeyJobOptions"/> and the key job services; <see cref="ProfileRekeyStep"/> is made per run (it takes its scope and start).</summary>
    public static IServiceCollection AddCloudjetKeyJobs(this IServiceCollection services)
    {
        services.AddOptions<KeyJobOptions>()
            .BindConfiguration(KeyJobOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<KeyJobLeases>();
        services.AddSingleton<KeyJobMetrics>();
        services.AddSingleton<KeyJobRunner>();
        services.AddSingleton<KeyJobStatusReader>();
        services.AddScoped<KeyJobPreparation>();
        services.AddScoped<PersonKeyRewrapStep>();
        services.AddScoped<BlindIndexReindexer>();
        services.AddScoped<KeyJobs>();
        return services;
    }
}
