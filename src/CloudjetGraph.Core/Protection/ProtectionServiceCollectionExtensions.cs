using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Protection;

/// <summary>Registers the key hierarchy above person keys: Data Protection key ring, data keys, field cipher, blind index and access tags.</summary>
public static class ProtectionServiceCollectionExtensions
{
    /// <summary>Adds field protection, reading <c>DataProtection:KeyRingPath</c>.</summary>
    public static IServiceCollection AddCloudjetProtection(this IServiceCollection services)
    {
        services.AddOptions<ProtectionOptions>()
            .BindConfiguration(ProtectionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Only the bootstrapper (development) or the custodian tool may create keys: a gateway that
        // minted its own key on a missing ring would silently orphan every stored value.
        services.AddDataProtection()
            .SetApplicationName(ProtectionOptions.ApplicationName)
            .DisableAutomaticKeyGeneration();
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<ProtectionOptions>, ILoggerFactory>((keyManagement, protection, loggerFactory) =>
                keyManagement.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.GetFullPath(protection.Value.KeyRingPath)), loggerFactory));

        services.AddMetrics();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ProtectionMetrics>();
        services.AddSingleton<DataKeyRing>();
        services.AddSingleton<DataKeyWrapper>();
        services.AddSingleton<FieldCipher>();
        services.AddSingleton<BlindIndex>();
        services.AddSingleton<ProfileAccessTag>();
        services.AddScoped<KeyRingBootstrapper>();
        return services;
    }
}
