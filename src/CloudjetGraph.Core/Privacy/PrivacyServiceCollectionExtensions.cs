using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Core.Privacy;

/// <summary>Registers the privacy rights: consent, restriction and erasure.</summary>
internal static class PrivacyServiceCollectionExtensions
{
    /// <summary>Adds the consent history reader, policy acceptance, restriction of processing and the erasure service, scoped like the database they use.</summary>
    public static IServiceCollection AddCloudjetPrivacy(this IServiceCollection services)
    {
        services.AddScoped<ConsentHistory>();
        services.AddScoped<PolicyAcceptance>();
        services.AddScoped<ProcessingRestrictions>();
        services.AddScoped<ProfileRemoval>();
        services.AddScoped<ProfileErasure>();
        return services;
    }
}
