using CloudjetGraph.Core.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Core.KeyRing;

/// <summary>Registers what keeps the in-memory key ring in step with the profile database.</summary>
internal static class KeyRingServiceCollectionExtensions
{
    /// <summary>Adds the data key bootstrap, the ring's refresher, the loaders of disabled keys and ring key revocations, and their refresher.</summary>
    public static IServiceCollection AddCloudjetKeyRing(this IServiceCollection services)
    {
        services.AddSingleton<KeyRingRefresher>();
        services.AddHostedService(provider => provider.GetRequiredService<KeyRingRefresher>());
        services.AddScoped<KeyRingBootstrapper>();
        services.AddScoped<IDataKeyLoader, DataKeysOnDemand>();

        // Disabled data keys reach every running gateway like a rotation does; uses under them are recorded.
        services.AddScoped<DisabledDataKeysLoader>();
        services.AddScoped<RingKeyRevocationRecords>();
        services.AddScoped<DisabledKeyUseRecorder>();
        services.AddHostedService<DataKeyStateRefresher>();
        return services;
    }
}
