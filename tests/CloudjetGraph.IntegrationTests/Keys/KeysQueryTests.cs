using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.Core.Seeding;
using CloudjetGraph.IntegrationTests.Cli;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CloudjetGraph.IntegrationTests.Keys;

/// <summary>
/// <c>Query.keys</c> over HTTP against a live gateway (demo data: 200 profiles): the keyCustodian
/// gets what <c>keys list --json</c> prints, every other role is refused, nothing is decrypted.
/// </summary>
[ProviderSensitive("census counts")]
public sealed class KeysQueryTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private const string KeysQuery = """
        {
          keys {
            masterKeys { id created activation expiration revoked default census { dataKeys } }
            dataKeys {
              id purpose state masterKeyId created
              census { sealedValues { version count } indexEntries accessTags personKeys }
            }
            unattributed { sealedValues { version count } indexEntries accessTags }
          }
        }
        """;

    [Fact]
    public async Task KeyCustodian_ReadsKeys_GetsWhatTheCliLists()
    {
        var keys = (await Custodian().PostAsync(KeysQuery)).Ok()["keys"]!;
        var (exitCode, stdout, stderr) = await Infrastructure.Custodian.KeysAsync(Infrastructure.Custodian.SettingsOf(app), "list", "--json");

        Assert.True(exitCode == 0, stderr);
        var cli = JsonNode.Parse(stdout)!;
        Assert.Equal(Ids(cli["masterKeys"]!), Ids(keys["masterKeys"]!));
        Assert.Equal(Ids(cli["dataKeys"]!), Ids(keys["dataKeys"]!));
        foreach (var (expected, actual) in cli["masterKeys"]!.AsArray().Zip(keys["masterKeys"]!.AsArray()))
        {
            Assert.Equal(Time(expected!["created"]!), Time(actual!["created"]!));
            Assert.Equal(Time(expected["activation"]!), Time(actual["activation"]!));
            Assert.Equal(Time(expected["expiration"]!), Time(actual["expiration"]!));
            Assert.Equal(expected["revoked"]!.GetValue<bool>(), actual["revoked"]!.GetValue<bool>());
            Assert.Equal(expected["default"]!.GetValue<bool>(), actual["default"]!.GetValue<bool>());
            Assert.Equal(expected["census"]!["dataKeys"]!.GetValue<int>(), actual["census"]!["dataKeys"]!.GetValue<int>());
        }

        foreach (var (expected, actual) in cli["dataKeys"]!.AsArray().Zip(keys["dataKeys"]!.AsArray()))
        {
            Assert.Equal(expected!["purpose"]!.GetValue<string>(), actual!["purpose"]!.GetValue<string>());
            Assert.Equal(expected["state"]!.GetValue<string>(), actual["state"]!.GetValue<string>());
            Assert.Equal(expected["masterKeyId"]?.GetValue<Guid>(), actual["masterKeyId"]?.GetValue<Guid>());
            Assert.Equal(Time(expected["created"]!), Time(actual["created"]!));
            Assert.Equal(Counts(expected["census"]!), Counts(actual["census"]!));
        }

        Assert.Equal(Counts(cli["unattributed"]!), Counts(keys["unattributed"]!));

        // The comparison above would pass on two empty answers; rows counted apart pin real counts
        // (other tests of this host may sign owners up, so at least the demo data's).
        var personKeys = keys["dataKeys"]!.AsArray().Single(k => k!["purpose"]!.GetValue<string>() == "person-keys")!["census"]!;
        var storedPersonKeys = app.WithKeyStore(keyStore => keyStore.PersonKeys.Count());
        Assert.True(storedPersonKeys >= DemoDataSeeder.ProfileCount, $"{storedPersonKeys} person keys");
        Assert.Equal(storedPersonKeys, personKeys["personKeys"]!.GetValue<long>());
        Assert.Equal(CensusJson.SealedValuesIn(app), personKeys["sealedValues"]!.AsArray().Single()!["count"]!.GetValue<long>());
        Assert.Equal(2, personKeys["sealedValues"]!.AsArray().Single()!["version"]!.GetValue<int>());
        Assert.Equal(4, keys["masterKeys"]!.AsArray().Single()!["census"]!["dataKeys"]!.GetValue<int>());
    }

    [Fact]
    public async Task KeyCustodian_ReadsKeys_DecryptsNothing()
    {
        using var opened = OpenedCounter();

        (await Custodian().PostAsync(KeysQuery)).Ok();

        Assert.Empty(opened.GetMeasurementSnapshot());
    }

    [Theory]
    [InlineData(DefaultRole.Owner)]
    [InlineData(DefaultRole.Management)]
    [InlineData(DefaultRole.Sales)]
    [InlineData(DefaultRole.Support)]
    public async Task OtherRole_ReadsKeys_GetsNotAuthorized(DefaultRole role)
    {
        var token = role == DefaultRole.Owner ? await OwnerTokenAsync() : app.StaffToken(role, $"{role.Name()}-demo");

        var response = await app.Client(token).PostAsync(KeysQuery);

        AssertRefused(response, "AUTH_NOT_AUTHORIZED", "keys");
    }

    [Fact]
    public async Task Anonymous_ReadsKeys_GetsNotAuthenticated()
    {
        var response = await app.Client().PostAsync(KeysQuery);

        AssertRefused(response, "AUTH_NOT_AUTHENTICATED", "keys");
    }

    [Fact]
    public async Task Management_ReadsKeysUnderAnAliasThroughAFragment_GetsNotAuthorizedAndDecryptsNothing()
    {
        using var opened = OpenedCounter();

        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(
            "{ census: keys { ...all } } fragment all on KeyInventory { dataKeys { id census { personKeys } } }");

        AssertRefused(response, "AUTH_NOT_AUTHORIZED", "census");
        Assert.Empty(opened.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task KeyCustodian_ReadsKeysAndProfilesTogether_GetsKeysButNoProfile()
    {
        using var opened = OpenedCounter();

        var response = await Custodian().PostAsync("{ keys { dataKeys { id } } profiles { nodes { fullName email } } }");

        Assert.Equal(4, response.Data!["keys"]!["dataKeys"]!.AsArray().Count);
        Assert.Null(response.Data["profiles"]);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.Codes);
        Assert.NotNull(response.ErrorAt("profiles"));
        Assert.Empty(opened.GetMeasurementSnapshot());
    }

    private static void AssertRefused(GraphQLResponse response, string code, string path)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        Assert.True(response.Data!.AsObject().TryGetPropertyValue(path, out var value), $"No {path} in {response.Body}");
        Assert.Null(value);
        Assert.Equal([code], response.Codes);
        Assert.Equal(code, response.ErrorAt(path)?["extensions"]?["code"]?.GetValue<string>());
    }

    private async Task<string> OwnerTokenAsync()
    {
        var input = Owners.NewInput("keys");
        await app.SignUpAsync(input);
        return await app.LoginAsync((string)input["email"]!);
    }

    private GraphQLClient Custodian() => app.Client(app.StaffToken(DefaultRole.KeyCustodian, "custodian-demo"));

    private MetricCollector<long> OpenedCounter() =>
        new(app.Services.GetRequiredService<IMeterFactory>(), ProtectionMetrics.MeterName, ProtectionMetrics.FieldsOpenedInstrument);

    private static List<Guid> Ids(JsonNode keys) => [.. keys.AsArray().Select(k => k!["id"]!.GetValue<Guid>())];

    private static DateTimeOffset Time(JsonNode value) => DateTimeOffset.Parse(value.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    // The Cli keys sealed values by version ({"2": 400}); GraphQL lists them ([{version: 2, count: 400}]).
    private static string Counts(JsonNode census) => string.Join(
        ", ",
        census.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key == "sealedValues"
            ? $"sealedValues: {string.Join(" ", SealedValues(p.Value!).Select(v => $"{v.Key}={v.Value}"))}"
            : $"{p.Key}: {p.Value?.ToJsonString() ?? "null"}"));

    private static IEnumerable<KeyValuePair<int, long>> SealedValues(JsonNode values) => values is JsonArray list
        ? list.Select(v => KeyValuePair.Create(v!["version"]!.GetValue<int>(), v["count"]!.GetValue<long>()))
        : values.AsObject().Select(p => KeyValuePair.Create(int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture), p.Value!.GetValue<long>())).OrderBy(v => v.Key);
}
