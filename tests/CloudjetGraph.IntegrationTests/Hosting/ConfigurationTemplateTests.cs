using System.Globalization;
using CloudjetGraph.Api;
using CloudjetGraph.Api.GraphQL.TrustedDocuments;
using CloudjetGraph.Api.Health;
using CloudjetGraph.Api.RateLimiting;
using CloudjetGraph.Api.Telemetry;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authentication;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Keys.Lifecycle;
using CloudjetGraph.Core.Onboarding;
using CloudjetGraph.Core.Privacy;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CloudjetGraph.IntegrationTests.Hosting;

/// <summary>
/// appsettings.template.json is the operator's reference: it must name every setting, with the
/// value the gateway uses when the setting is absent, and load through the same JSON provider.
/// </summary>
public sealed class ConfigurationTemplateTests
{
    private static readonly IConfigurationRoot Template = Load(Path.Combine(RepositoryRoot.Path, "appsettings.template.json"));

    public static TheoryData<string, Type> OptionsSections => new()
    {
        { DatabaseOptions.SectionName, typeof(DatabaseOptions) },
        { AccessTokenOptions.SectionName, typeof(AccessTokenOptions) },
        { PolicyOptions.SectionName, typeof(PolicyOptions) },
        { ProtectionOptions.SectionName, typeof(ProtectionOptions) },
        { Pkcs11Options.SectionName, typeof(Pkcs11Options) },
        { KeyStoreOptions.SectionName, typeof(KeyStoreOptions) },
        { KeyLifecycleOptions.SectionName, typeof(KeyLifecycleOptions) },
        { GraphQLOptions.SectionName, typeof(GraphQLOptions) },
        { TrustedDocumentsOptions.SectionName, typeof(TrustedDocumentsOptions) },
        { RateLimitOptions.SectionName, typeof(RateLimitOptions) },
        { OnboardingOptions.SectionName, typeof(OnboardingOptions) },
        { AuditOptions.SectionName, typeof(AuditOptions) },
        { TelemetryOptions.SectionName, typeof(TelemetryOptions) },
        { HealthOptions.SectionName, typeof(HealthOptions) },
        { ConfidentialityHoldOptions.SectionName, typeof(ConfidentialityHoldOptions) },
    };

    [Fact]
    public void Template_ComparedWithShippedAppsettings_HoldsEverySettingWithTheSameValue()
    {
        var shipped = Load(Path.Combine(RepositoryRoot.Path, "src", "CloudjetGraph.Api", "appsettings.json"));

        Assert.Equal(Settings(shipped), Settings(Template));
    }

    [Theory]
    [MemberData(nameof(OptionsSections))]
    public void Template_OptionsSection_NamesEveryPropertyWithItsDefault(string section, Type optionsType)
    {
        var defaults = Activator.CreateInstance(optionsType, nonPublic: true)!;
        var settings = Settings(Template);

        foreach (var property in optionsType.GetProperties().Where(p => p.CanWrite))
        {
            var key = $"{section}:{property.Name}";
            Assert.True(settings.ContainsKey(key), $"{key} is missing from appsettings.template.json.");
            // A date is written in settings as ISO 8601, which is also what binds back to it.
            var value = property.GetValue(defaults);
            var expected = value is DateOnly date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture);
            Assert.Equal(expected ?? string.Empty, settings[key]);
        }
    }

    private static IConfigurationRoot Load(string path) => new ConfigurationBuilder().AddJsonFile(path, optional: false).Build();

    private static SortedDictionary<string, string> Settings(IConfiguration configuration) =>
        new(configuration.AsEnumerable().Where(pair => pair.Value is not null).ToDictionary(pair => pair.Key, pair => pair.Value!), StringComparer.OrdinalIgnoreCase);
}
