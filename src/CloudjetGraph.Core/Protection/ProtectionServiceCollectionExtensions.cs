using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Internal;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Protection;

/// <summary>Registers the key hierarchy above person keys: Data Protection key ring, data keys, field cipher and blind index.</summary>
internal static class ProtectionServiceCollectionExtensions
{
    /// <summary>
    /// Adds field protection, reading the <c>DataProtection</c> section; its certificate is loaded
    /// from <paramref name="configuration"/> now, because Data Protection takes it at registration.
    /// </summary>
    public static IServiceCollection AddCloudjetProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProtectionOptions>()
            .BindConfiguration(ProtectionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Only the bootstrapper (development) or the custodian tool may create keys: a gateway that
        // minted its own key on a missing ring would silently orphan every stored value.
        var dataProtection = services.AddDataProtection()
            .SetApplicationName(ProtectionOptions.ApplicationName)
            .DisableAutomaticKeyGeneration();

        // Ring keys are encrypted at rest with the certificate, and read back with it alone rather
        // than from a machine certificate store that an operator could not see from the settings.
        var certificate = KeyRingCertificate.Load(configuration.GetSection(ProtectionOptions.SectionName).Get<ProtectionOptions>() ?? new ProtectionOptions());
        services.AddSingleton(certificate);

        // With a token, new ring keys are sealed in it; a certificate still set only reads the
        // keys it protected, while the ring moves to the token (keys rotate-master).
        var token = RingToken.Load(configuration);
        services.AddSingleton(_ => token);
        if (token.IsConfigured)
        {
            services.AddOptions<KeyManagementOptions>().Configure(keyManagement => keyManagement.XmlEncryptor = new TokenXmlEncryptor(token));
            if (certificate.Certificate is { } reading)
            {
                dataProtection.UnprotectKeysWithAnyCertificate(reading);
            }
        }
        else if (certificate.Certificate is { } usable)
        {
            dataProtection.ProtectKeysWithCertificate(usable).UnprotectKeysWithAnyCertificate(usable);
        }

        // Under a certificate, ring keys are signed when written and used only if the signature
        // verifies: a key encrypted to the public certificate alone is planted, never used.
        services.AddSingleton<RingElementRefusals>();
        services.AddSingleton<RecordedRevocations>();
        services.AddSingleton(provider => new AuthenticatedRingRepository(
            new DirectoryInfo(Path.GetFullPath(provider.GetRequiredService<IOptions<ProtectionOptions>>().Value.KeyRingPath)),
            certificate.Certificate,
            token.IsConfigured ? token : null,
            provider.GetRequiredService<RingElementRefusals>(),
            provider.GetRequiredService<RecordedRevocations>(),
            provider.GetRequiredService<ILoggerFactory>()));
        services.AddOptions<KeyManagementOptions>()
            .Configure<AuthenticatedRingRepository>((keyManagement, repository) => keyManagement.XmlRepository = repository);

        // Data Protection keeps its ring for about a day; this manager lets the refresher drop it.
        services.AddSingleton(provider => new RefreshableKeyManager(new XmlKeyManager(
            provider.GetRequiredService<IOptions<KeyManagementOptions>>(), provider.GetRequiredService<IActivator>(), provider.GetRequiredService<ILoggerFactory>())));
        services.Replace(ServiceDescriptor.Singleton<IKeyManager>(provider => provider.GetRequiredService<RefreshableKeyManager>()));

        services.AddMetrics();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ProtectionMetrics>();
        services.AddSingleton<DisabledKeyUses>();
        services.AddSingleton<DataKeyRing>();
        services.AddSingleton<DataKeyWrapper>();
        services.AddSingleton<FieldCipher>();
        services.AddSingleton<IFieldCipher>(provider => provider.GetRequiredService<FieldCipher>());
        services.AddSingleton<BlindIndex>();
        services.AddSingleton<KeyRingAtRest>();
        services.AddSingleton<RingSigning>();
        return services;
    }
}
