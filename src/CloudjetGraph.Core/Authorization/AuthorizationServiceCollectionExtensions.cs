using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Authorization;

/// <summary>Registers the field matrix from <c>Authorization</c>, validated at startup.</summary>
public static class AuthorizationServiceCollectionExtensions
{
    /// <summary>Adds <see cref="FieldMatrix"/>; a bad matrix setting stops startup naming the key.</summary>
    public static IServiceCollection AddCloudjetFieldMatrix(this IServiceCollection services)
    {
        services.AddOptions<AuthorizationOptions>()
            .BindConfiguration(AuthorizationOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthorizationOptions>, FieldMatrixValidator>();
        services.AddSingleton(provider => FieldMatrixParser.Parse(provider.GetRequiredService<IOptions<AuthorizationOptions>>().Value, out _));
        return services;
    }
}
