using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Core.Protection;

/// <summary>Registers the key hierarchy: Data Protection key ring, data keys, field cipher and blind index.</summary>
public static class ProtectionServiceCollectionExtensions
{
    /// <summary>Adds field protection, reading <c>DataProtection:KeyRingPath</c>.</summary>
    public static IServiceCollection AddCloudjetProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProtectionOptions>()
            .BindConfiguration(ProtectionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var keyRingPath = configuration[$"{ProtectionOptions.SectionName}:KeyRingPath"] ?? new ProtectionOptions().KeyRingPath;

        // Only the bootstrapper (development) or the custodian tool may create keys: a gateway that
        // minted its own key on a missing ring would silently orphan every stored value.
        services.AddDataProtection()
            .SetApplicationName(ProtectionOptions.ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(keyRingPath)))
            .DisableAutomaticKeyGeneration();

        services.AddMetrics();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ProtectionMetrics>();
        services.AddSingleton<DataKeyRing>();
        services.AddSingleton<DataKeyWrapper>();
        services.AddSingleton<FieldCipher>();
        services.AddSingleton<BlindIndex>();
        services.AddScoped<KeyRingBootstrapper>();
        return services;
    }
}
