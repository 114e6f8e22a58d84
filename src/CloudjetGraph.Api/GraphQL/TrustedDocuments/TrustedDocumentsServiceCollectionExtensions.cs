using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.GraphQL.TrustedDocuments;

/// <summary>Registers trusted documents: their settings, the manifest and the resolver.</summary>
internal static class TrustedDocumentsServiceCollectionExtensions
{
    public static IServiceCollection AddCloudjetTrustedDocuments(this IServiceCollection services)
    {
        services.AddOptions<TrustedDocumentsOptions>()
            .BindConfiguration(TrustedDocumentsOptions.SectionName)
            .PostConfigure<IHostEnvironment>((options, environment) =>
                options.Mode ??= environment.IsDevelopment() ? TrustedDocumentMode.Allow : TrustedDocumentMode.Require)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrustedDocumentsOptions>, TrustedDocumentsValidation>();
        services.AddSingleton<TrustedDocumentStore>();
        services.AddSingleton<TrustedDocumentResolver>();
        return services;
    }
}
