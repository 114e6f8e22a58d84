using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CloudjetGraph.IntegrationTests.Architecture;

/// <summary>
/// Core's public surface is what its hosts call: every public type of Core is named by the built
/// gateway, custodian tool or PostgreSQL migrations. Everything else is internal, which the test
/// projects still see (InternalsVisibleTo).
/// </summary>
public sealed class CoreSurfaceTests
{
    private const string Core = "CloudjetGraph.Core";

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
        ["CloudjetGraph.Core.Keys.DataKeyStates"] = "Api DataKeyGraphType, Cli KeysDestroyDataCommand",
        ["CloudjetGraph.Core.Keys.Jobs.KeyJobKinds"] = "Api KeyJobKindGraphType, Cli key job commands",
        ["CloudjetGraph.Core.Keys.Jobs.KeyJobStates"] = "Api key job types and KeyJobBackground",
        ["CloudjetGraph.Core.Keys.Jobs.KeyJobRunner"] = "Api StartKeyJobInputGraphType, Cli KeyJobCli (MaxBatchSize)",
        ["CloudjetGraph.Core.Keys.Jobs.KeyJobMetrics"] = "Api telemetry's meter names",
        ["CloudjetGraph.Core.Protection.ProtectionMetrics"] = "Api telemetry's meter names",
    };

    [Fact]
    public void CorePublicTypes_AreEachNamedByAHost()
    {
        var named = NamedByHosts();

        // An empty or wrong read would pass below with nothing checked: the hosts name many Core types.
        Assert.True(named.Count > 50, $"Only {named.Count} Core types were found named by the hosts.");
        var publicTypes = PublicTypes();
        var unnamed = publicTypes.Where(type => !named.Contains(type) && !NamedOnlyThroughConstants.ContainsKey(type)).Order(StringComparer.Ordinal).ToList();
        Assert.True(unnamed.Count == 0, $"No host names {unnamed.Count} of the {publicTypes.Count} public Core types; make these internal, or call them from a host:{Environment.NewLine}{string.Join(Environment.NewLine, unnamed)}");
    }

    [Fact]
    public void NamedOnlyThroughConstants_ArePublicAndUnreferenced()
    {
        // A listed type that became internal, or that a host now references, no longer needs its line.
        var named = NamedByHosts();
        var publicTypes = PublicTypes();

        var stale = NamedOnlyThroughConstants.Keys.Where(type => !publicTypes.Contains(type) || named.Contains(type)).ToList();
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

    // Top-level public types only: a nested type is reachable only through its declaring type.
    private static List<string> PublicTypes()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, Core + ".dll"));
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.TypeDefinitions
            .Select(reader.GetTypeDefinition)
            .Where(type => (type.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public)
            .Select(type => $"{reader.GetString(type.Namespace)}.{reader.GetString(type.Name)}")
            .ToList();
    }
}
