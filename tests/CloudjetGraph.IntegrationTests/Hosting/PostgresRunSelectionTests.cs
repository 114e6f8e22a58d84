using System.Reflection;
using System.Text.RegularExpressions;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Hosting;

/// <summary>
/// The PostgreSQL run runs only the tests marked <see cref="ProviderSensitiveAttribute"/> or
/// <see cref="PostgresOnlyAttribute"/> (<c>--filter PostgresRun=true</c>). These guard that a new
/// test of the key jobs, the Cli or raw SQL cannot lose its PostgreSQL run by a forgotten attribute.
/// </summary>
public sealed partial class PostgresRunSelectionTests
{
    // Test classes of the key and Cli namespaces that touch no provider's SQL, each with the reason.
    private static readonly Dictionary<string, string> NotSensitive = new(StringComparer.Ordinal)
    {
        ["BreachReportCsvTests"] = "formats CSV from values in memory",
        ["CliScriptingTests"] = "parses command lines and shapes output; each verb's SQL is proved by its own provider-sensitive tests",
        ["CliToolPackageTests"] = "packs and installs the tool; its commands are proved in process",
        ["KeysConfirmationTests"] = "drives the confirmation prompt on a terminal",
        ["KeysRekeyProcessTests"] = "kills and interrupts the tool's process, run once; the lease and a resumed job run on both providers in KeysRekeyTests and KeyJobMutationsTests",
        ["KeysSignRingTests"] = "signs ring key files; no database",
        ["TokenCommandTests"] = "mints tokens from settings and a key ring; the roles they carry are proved by the authorization tests",
        ["KeyRingUnavailableTests"] = "a ring file that cannot be read",
        ["KeysSchemaPrivacyTests"] = "walks the served schema",
        ["BlindIndexKeyCustodyTests"] = "stages an older version's SQLite files; the key store's blind-index keys are read and written on both providers by BlindIndexColumnTests and the keys' provider-sensitive tests",
    };

    [Fact]
    public void TestClass_OfTheKeysOrTheCli_IsProviderSensitiveOrListedWithAReason()
    {
        var unmarked = TestClasses()
            .Where(type => type.Namespace is "CloudjetGraph.IntegrationTests.Keys" or "CloudjetGraph.IntegrationTests.Cli")
            .Where(type => !RunsOnPostgres(type) && !NotSensitive.ContainsKey(type.Name))
            .Select(type => type.Name)
            .ToList();

        Assert.True(unmarked.Count == 0, $"Mark these [ProviderSensitive(\"why\")] (key jobs, leases, the key store), or list them here with the reason they are not: {string.Join(", ", unmarked)}.");
        Assert.All(NotSensitive.Keys, name => Assert.Contains(TestClasses(), type => type.Name == name));
    }

    [Fact]
    public void TestFile_WithRawSql_MarksItsTestsForThePostgresRun()
    {
        var testsDirectory = Path.Combine(RepositoryRoot.Path, "tests", "CloudjetGraph.IntegrationTests");
        var unmarked = Directory.EnumerateFiles(testsDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsOutsideTheTests(Path.GetRelativePath(testsDirectory, file)))
            .Where(file => File.ReadAllText(file) is var text && TestAttribute().IsMatch(text) && RawSql().IsMatch(text)
                && !text.Contains("[ProviderSensitive(", StringComparison.Ordinal)
                && !text.Contains("[PostgresOnly(", StringComparison.Ordinal)
                && !text.Contains("TestTraits.SqliteFileOnly", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(testsDirectory, file))
            .ToList();

        Assert.True(unmarked.Count == 0, $"These run raw SQL on the test databases but mark no test [ProviderSensitive(\"why\")] (or SqliteFileOnly): {string.Join(", ", unmarked)}.");
    }

    [Fact]
    public void PostgresOnlyTest_IsMarkedByTheAttribute_SoThatThePostgresRunSelectsIt()
    {
        // A bare [Trait("PostgresOnly", ...)] would skip the test on SQLite and leave it out of the filtered PostgreSQL run: never run at all.
        var bare = TestClasses()
            .SelectMany(type => type.GetMethods().Cast<MemberInfo>().Prepend(type))
            .Where(member => member.CustomAttributes.Any(attribute => attribute.AttributeType == typeof(TraitAttribute)
                && attribute.ConstructorArguments[0].Value is TestTraits.PostgresOnly or TestTraits.ProviderSensitive or TestTraits.PostgresRun))
            .Select(member => member is Type type ? type.Name : $"{member.DeclaringType!.Name}.{member.Name}")
            .ToList();

        Assert.True(bare.Count == 0, $"Use [PostgresOnly(\"why\")] or [ProviderSensitive(\"why\")], not a bare [Trait], on: {string.Join(", ", bare)}.");
        Assert.Contains(TestClasses(), type => type.GetCustomAttribute<PostgresOnlyAttribute>() is not null);
    }

    private static IEnumerable<Type> TestClasses() =>
        typeof(PostgresRunSelectionTests).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.GetMethods().Any(method => method.GetCustomAttribute<FactAttribute>() is not null));

    private static bool RunsOnPostgres(Type type) =>
        type.GetCustomAttribute<ProviderSensitiveAttribute>() is not null
        || type.GetCustomAttribute<PostgresOnlyAttribute>() is not null
        || type.GetMethods().Any(method => method.GetCustomAttribute<ProviderSensitiveAttribute>() is not null || method.GetCustomAttribute<PostgresOnlyAttribute>() is not null);

    private static bool IsOutsideTheTests(string relativePath) =>
        relativePath.StartsWith("bin/", StringComparison.Ordinal)
        || relativePath.StartsWith("obj/", StringComparison.Ordinal)
        || relativePath.StartsWith("Infrastructure/", StringComparison.Ordinal);

    [GeneratedRegex(@"\[(Fact|Theory|\w+Fact)\b")]
    private static partial Regex TestAttribute();

    [GeneratedRegex(@"ExecuteSqlAsync|ExecuteKeyStoreSqlAsync|TestDatabase\.Sql\(|OpenDatabaseAsync|OpenKeyStoreAsync|TestDatabase\.OpenAsync")]
    private static partial Regex RawSql();
}
