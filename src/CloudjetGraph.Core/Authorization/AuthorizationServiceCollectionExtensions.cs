using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Authorization;

/// <summary>Registers roles, the field matrix and operation grants and purposes from <c>Authorization</c>, validated at startup, and the access policy over them.</summary>
internal static class AuthorizationServiceCollectionExtensions
{
    /// <summary>Adds <see cref="FieldMatrix"/>, <see cref="OperationGrants"/>, <see cref="StaffPurposes"/> and <see cref="AccessPolicy"/>; a bad setting stops startup naming the key.</summary>
    public static IServiceCollection AddCloudjetFieldMatrix(this IServiceCollection services)
    {
        services.AddOptions<AuthorizationOptions>()
            .BindConfiguration(AuthorizationOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthorizationOptions>, FieldMatrixValidator>();
        services.AddSingleton(provider => FieldMatrixParser.Parse(provider.GetRequiredService<IOptions<AuthorizationOptions>>().Value, out _));
        services.AddSingleton(provider => OperationGrantsParser.Parse(
            provider.GetRequiredService<IOptions<AuthorizationOptions>>().Value, provider.GetRequiredService<FieldMatrix>(), out _));
        services.AddSingleton(provider => StaffPurposesParser.Parse(
            provider.GetRequiredService<IOptions<AuthorizationOptions>>().Value, provider.GetRequiredService<FieldMatrix>(), out _));
        services.AddSingleton<AccessPolicy>();
        return services;
    }
}
