using CloudjetGraph.Core.Accounts;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authentication;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Breaches;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Keys;
using CloudjetGraph.Core.Keys.Jobs;
using CloudjetGraph.Core.Keys.Lifecycle;
using CloudjetGraph.Core.Onboarding;
using CloudjetGraph.Core.Privacy;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.Core.RateLimits;
using CloudjetGraph.Core.Retention;
using CloudjetGraph.Core.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core;

/// <summary>Registers everything the gateway and the custodian tool share.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds data, protection, the key store, the field matrix, accounts, onboarding, demo seeding, the
    /// key census, the key jobs, the record of custodian operations and the privacy rights (consent, erasure); <paramref name="configuration"/> is the host's, read now only for the key ring certificate.
    /// </summary>
    public static IServiceCollection AddCloudjetCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCloudjetData();
        services.AddCloudjetProtection(configuration);
        services.AddCloudjetKeyRing();
        services.AddCloudjetKeyStore();
        services.AddCloudjetFieldMatrix();

        services.AddOptions<PolicyOptions>().BindConfiguration(PolicyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<PolicyOptions>, PolicyOptionsValidator>();
        services.AddSingleton<IValidateOptions<PolicyOptions>>(provider => new RetiredSetting<PolicyOptions>(
            provider.GetRequiredService<IConfiguration>(),
            $"{PolicyOptions.SectionName}:EffectiveDate",
            $"{PolicyOptions.SectionName}:Versions: give each version its date as {PolicyOptions.SectionName}:Versions:{{n}}:EffectiveDate, and name the one in force in {PolicyOptions.SectionName}:CurrentVersion."));
        services.AddSingleton(provider => PolicyVersionsParser.Parse(provider.GetRequiredService<IOptions<PolicyOptions>>().Value, out _));
        services.AddSingleton<ConsentGate>();
        services.AddOptions<AccessTokenOptions>().BindConfiguration(AccessTokenOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OnboardingOptions>().BindConfiguration(OnboardingOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.DefaultInvitationLifetime <= o.MaxInvitationLifetime, $"{OnboardingOptions.SectionName}:DefaultInvitationLifetime must not exceed {OnboardingOptions.SectionName}:MaxInvitationLifetime.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<OnboardingOptions>>(provider => new RetiredSetting<OnboardingOptions>(
            provider.GetRequiredService<IConfiguration>(),
            $"{OnboardingOptions.SectionName}:Roles",
            "Authorization:Operations: list those roles under its createOrganization and createInvitation."));
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<ProfileSealer>();
        services.AddScoped<ProfileRelease>();
        services.AddScoped<StaffAssignments>();
        services.AddScoped<StoreProbes>();
        services.AddScoped<KeyHierarchyCanary>();
        services.AddSingleton<ProfileAccessTag>();
        services.AddOptions<PasswordHashingOptions>().BindConfiguration(PasswordHashingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PasswordHasherOptions>().Configure<IOptions<PasswordHashingOptions>>((hasher, hashing) => hasher.IterationCount = hashing.Value.Iterations);
        services.AddSingleton<IPasswordHasher<Profile>, PasswordHasher<Profile>>();
        services.AddSingleton<DecoyPasswordHash>();
        services.AddSingleton<OwnerSecurityStamps>();
        services.AddSingleton<ProfileVisibility>();
        services.AddScoped<ProfileEditor>();
        services.AddScoped<ProfileAccounts>();
        services.AddScoped<SharedRateLimitCounters>();
        services.AddScoped<ProfileDirectory>();
        services.AddScoped<ProfileDocument>();
        services.AddScoped<PersonalDataExport>();
        services.AddScoped<AuthorityExport>();
        services.AddOptions<ConfidentialityHoldOptions>().BindConfiguration(ConfidentialityHoldOptions.SectionName)
            .Validate(
                o => o.MaxConfidentialityHold >= TimeSpan.Zero && o.MaxConfidentialityHold <= ConfidentialityHoldOptions.Ceiling,
                $"{ConfidentialityHoldOptions.SectionName}:MaxConfidentialityHold must be between 0 and {ConfidentialityHoldOptions.Ceiling.TotalDays} days.")
            .ValidateOnStart();
        services.AddScoped<ProfileCorrections>();
        services.AddScoped<CustomerOnboarding>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<KeyCensus>();
        services.AddScoped<MasterKeyRotation>();
        services.AddCloudjetKeyJobs();
        services.AddScoped<OperationLog>();

        // One writer per process: its single loop is what lets concurrent requests share a commit.
        services.AddSingleton<AuditTrailWriter>();
        services.AddSingleton<IAuditSink>(provider => provider.GetRequiredService<AuditTrailWriter>());
        services.AddScoped<AuditLedger>();

        // One per process: it counts every request's refusals, so that they reach the trail per caller and window.
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DenialAggregator>();
        services.AddHostedService<DenialWindowTimer>();
        services.AddScoped<AuditCheckpointSeal>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<AccessLogReader>();
        services.AddScoped<BreachScope>();
        services.AddScoped<BreachContacts>();
        services.AddScoped<CompromiseScope>();
        services.AddScoped<DataKeyRotation>();
        services.AddScoped<DataKeyDestruction>();

        // A waiting period too short to notice a missing reader stops startup outside Development.
        services.AddOptions<KeyLifecycleOptions>().BindConfiguration(KeyLifecycleOptions.SectionName)
            .Validate(o => o.MinimumDestroyDelay > TimeSpan.Zero, $"{KeyLifecycleOptions.SectionName}:MinimumDestroyDelay must be positive.")
            .Validate<IHostEnvironment>(
                (o, environment) => environment.IsDevelopment() || o.MinimumDestroyDelay >= KeyLifecycleOptions.FloorOutsideDevelopment,
                $"{KeyLifecycleOptions.SectionName}:MinimumDestroyDelay must be at least 24 hours (1.00:00:00) outside Development.")
            .ValidateOnStart();
        services.AddScoped<DataKeyLifecycle>();
        services.AddCloudjetPrivacy();
        services.AddCloudjetRetention();
        return services;
    }
}
