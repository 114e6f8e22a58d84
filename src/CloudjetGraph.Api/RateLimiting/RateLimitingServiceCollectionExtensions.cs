namespace CloudjetGraph.Api.RateLimiting;

/// <summary>Registers the login, sign-up and personal-record limits.</summary>
internal static class RateLimitingServiceCollectionExtensions
{
    public static IServiceCollection AddCloudjetRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // One instance per process: the anti-scraping cap's partitions are its counters.
        services.AddSingleton<CloudjetRateLimiter>();
        services.AddSingleton<PersonalRecordCap>();
        return services;
    }
}
