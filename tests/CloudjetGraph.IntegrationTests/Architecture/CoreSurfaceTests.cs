namespace CloudjetGraph.IntegrationTests.Architecture;

/// <summary>
/// Core's public surface is what its hosts call: every public type of Core is named by the built
/// gateway, custodian tool or PostgreSQL migrations, or taken by a public constructor of one that
/// is (dependency injection activates a service through its public constructor). Everything else
/// is internal, which the test projects still see (InternalsVisibleTo).
/// </summary>
public sealed class CoreSurfaceTests
{
    private const string Core = "CloudjetGraph.Core";

    private static readonly string CoreAssembly = Path.Combine(AppContext.BaseDirectory, Core + ".dll");

    // The hosts as built next to this test: the test project references the gateway and the tool,
    // and the gateway brings the migrations. The tool's assembly is named for its command.
    private static readonly string[] Hosts = ["CloudjetGraph.Api.dll", "cloudjet.dll", "CloudjetGraph.PostgresMigrations.dll"];

    // A host that uses only a type's constants leaves no reference to it: the compiler copies the
    // values in. These types are named in the hosts' sources, and each line says where.
    private static readonly Dictionary<string, string> NamedOnlyThroughConstants = new(StringComparer.Ordinal)
    {
        ["CloudjetGraph.Core.Errors.ErrorCodes"] = "every refusal the gateway and the tool answer",
        ["CloudjetGraph.Core.Custodians.CustodianOperationNames"] = "Api KeyOperationGraphType's description",
        ["CloudjetGraph.Core.Audit.OperationOutcomes"] = "Api KeyOperationGraphType's description",
        ["CloudjetGraph.Core.Audit.PrivacyOperationNames"] = "Api privacy mutations' recorded refusals",
        ["CloudjetGraph.Core.Privacy.LegalBasis"] = "Api PrivacyRightsMutations' description (MaxLength)",
        ["CloudjetGraph.Core.Privacy.RequestReference"] = "Api PrivacyMutations' argument descriptions (MaxLength)",
        ["CloudjetGraph.Core.Privacy.RestrictionReasons"] = "Api ProcessingRestrictionReasonGraphType",
        ["CloudjetGraph.Core.Privacy.RestrictionPlacers"] = "Api ProcessingRestrictionPlacerGraphType",
        ["CloudjetGraph.Core.Keys.DataKeyStates"] = "Api DataKeyGraphType, Cli KeysDestroyDataCommand",
        ["CloudjetGraph.Core.Keys.Jobs.KeyJobKinds"] = "Api KeyJobKindGraphType, Cli key job commands",
        ["CloudjetGraph.Core.Keys.Jobs.KeyJobStates"] = "Api key job types and KeyJobBackground",
        ["CloudjetGraph.Core.Keys.Jobs.KeyJobRunner"] = "Api StartKeyJobInputGraphType, Cli KeyJobCli (MaxBatchSize)",
        ["CloudjetGraph.Core.Keys.Jobs.KeyJobMetrics"] = "Api telemetry's meter names",
        ["CloudjetGraph.Core.Protection.ProtectionMetrics"] = "Api telemetry's meter names",
        ["CloudjetGraph.Core.Authorization.Purposes"] = "Api ProcessingPurposeGraphType's values",
        ["CloudjetGraph.Core.Audit.AccessLogEntryKinds"] = "Api AccessLogEntryKindGraphType's values",
        ["CloudjetGraph.Core.Breaches.StoredRecordStates"] = "Cli CompromiseReport's counts and notes",
        ["CloudjetGraph.Core.ProfileRecords.StoredRecordKinds"] = "Cli CompromiseReport's invitee count",

        // Not a constant, but as unseen by the scan: configuration binds it, as the items of the public PolicyOptions.Versions.
        ["CloudjetGraph.Core.Profiles.PolicyVersionOptions"] = "Policy:Versions in every host's settings",
    };

    [Fact]
    public void CorePublicTypes_AreEachNamedByAHost()
    {
        var named = NamedByHosts();

        // An empty or wrong read would pass below with nothing checked: the hosts name many Core types.
        Assert.True(named.Count > 50, $"Only {named.Count} Core types were found named by the hosts.");
        var surface = CorePublicSurface.Read(CoreAssembly);
        var needed = NeededPublic(surface, named.Concat(NamedOnlyThroughConstants.Keys));
        var unnamed = surface.Types.Where(type => !needed.Contains(type)).Order(StringComparer.Ordinal).ToList();
        Assert.True(unnamed.Count == 0, $"No host needs {unnamed.Count} of the {surface.ConstructorDependencies.Count} public Core types; make these internal, or call them from a host:{Environment.NewLine}{string.Join(Environment.NewLine, unnamed)}");
    }

    [Fact]
    public void NamedOnlyThroughConstants_ArePublicAndUnreferenced()
    {
        // A listed type that became internal, or that a host now references, no longer needs its line.
        var named = NamedByHosts();
        var publicTypes = CorePublicSurface.Read(CoreAssembly).ConstructorDependencies;

        var stale = NamedOnlyThroughConstants.Keys.Where(type => !publicTypes.ContainsKey(type) || named.Contains(type)).ToList();
        Assert.True(stale.Count == 0, $"Remove these from {nameof(NamedOnlyThroughConstants)}: {string.Join(", ", stale)}.");
    }

    [Fact]
    public void AttributeTypeNames_OfTheMigrations_AreBothContexts()
    {
        // [DbContext(typeof(...))] stores the context as a name, not a reference: read it there too.
        var named = HostReferences.InAttributes(Core, Path.Combine(AppContext.BaseDirectory, "CloudjetGraph.PostgresMigrations.dll"));

        Assert.Equal(["CloudjetGraph.Core.Data.CloudjetDbContext", "CloudjetGraph.Core.KeyStore.KeyStoreDbContext"], named.Order(StringComparer.Ordinal));
    }

    private static HashSet<string> NamedByHosts() =>
        Hosts.SelectMany(host => HostReferences.To(Core, Path.Combine(AppContext.BaseDirectory, host))).ToHashSet(StringComparer.Ordinal);

    // What a host names, and what the public constructors of those take, and so on down.
    private static HashSet<string> NeededPublic(CorePublicSurface surface, IEnumerable<string> namedByHosts)
    {
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(namedByHosts);
        while (pending.TryDequeue(out var type))
        {
            if (needed.Add(type) && surface.ConstructorDependencies.TryGetValue(type, out var dependencies))
            {
                foreach (var dependency in dependencies)
                {
                    pending.Enqueue(dependency);
                }
            }
        }

        return needed;
    }
}
