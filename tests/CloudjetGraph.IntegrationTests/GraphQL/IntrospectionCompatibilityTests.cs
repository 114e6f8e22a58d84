using System.Text.Json.Nodes;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.GraphQL;

/// <summary>
/// Clients introspect with graphql-js's <c>getIntrospectionQuery</c> and its options (the query
/// texts are committed in IntrospectionQueries/, produced by graphql-js itself). Every option must
/// work on its own and all together, and the schema a client builds from the answer must be the
/// committed SDL.
/// </summary>
public sealed class IntrospectionCompatibilityTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    internal static string Query(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "GraphQL", "IntrospectionQueries", $"{name}.graphql"));

    [Fact]
    public async Task Anonymous_IntrospectsWithEveryGraphqlJsOption_BuildsTheCommittedSchema()
    {
        var response = await app.Client().PostAsync(Query("full"));

        var built = IntrospectionSdl.FromIntrospection(response.Ok()["__schema"]!);
        var committed = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "schema", "cloudjet.graphql"));
        Assert.Equal(IntrospectionSdl.Normalize(committed), IntrospectionSdl.Normalize(built));
    }

    [Fact]
    public async Task Anonymous_IntrospectsWithSpecifiedByUrl_GetsNullForEveryScalar()
    {
        var types = (await IntrospectAsync("specifiedByUrl"))["types"]!.AsArray();

        var scalars = types.Where(t => t!["kind"]!.GetValue<string>() == "SCALAR").ToList();
        Assert.Contains(scalars, t => t!["name"]!.GetValue<string>() == "Long");
        Assert.All(scalars, t => Assert.Null(t!.AsObject()["specifiedByURL"]));
        Assert.All(types, t => Assert.True(t!.AsObject().ContainsKey("specifiedByURL")));
    }

    [Fact]
    public async Task Anonymous_IntrospectsWithDirectiveIsRepeatable_SeesAccessNotRepeatable()
    {
        var directives = (await IntrospectAsync("directiveIsRepeatable"))["directives"]!.AsArray();

        Assert.False(Directive(directives, "access")["isRepeatable"]!.GetValue<bool>());
        Assert.False(Directive(directives, "skip")["isRepeatable"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Anonymous_IntrospectsWithSchemaDescription_GetsTheSchemaDescription()
    {
        var schema = await IntrospectAsync("schemaDescription");

        Assert.StartsWith("CloudjetGraph: Cloudjet KPI profiles", schema["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_IntrospectsWithInputValueDeprecation_GetsIsDeprecatedOnArgumentsAndInputFields()
    {
        var types = (await IntrospectAsync("inputValueDeprecation"))["types"]!.AsArray();

        var signUp = types.Single(t => t!["name"]!.GetValue<string>() == "SignUpInput")!;
        Assert.All(signUp["inputFields"]!.AsArray(), f => Assert.False(f!["isDeprecated"]!.GetValue<bool>()));
        var profiles = types.Single(t => t!["name"]!.GetValue<string>() == "Query")!["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "profiles")!;
        Assert.NotEmpty(profiles["args"]!.AsArray());
        Assert.All(profiles["args"]!.AsArray(), a => Assert.False(a!["isDeprecated"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Anonymous_IntrospectsWithOneOf_GetsIsOneOfFalseOnInputTypes()
    {
        var types = (await IntrospectAsync("oneOf"))["types"]!.AsArray();

        var inputs = types.Where(t => t!["kind"]!.GetValue<string>() == "INPUT_OBJECT").ToList();
        Assert.Contains(inputs, t => t!["name"]!.GetValue<string>() == "ProfileFilter");
        Assert.All(inputs, t => Assert.False(t!["isOneOf"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Anonymous_IntrospectsDirectives_SeesTheAccessDefinitionWithItsArguments()
    {
        var directives = (await IntrospectAsync("full"))["directives"]!.AsArray();

        var access = Directive(directives, "access");
        Assert.Equal(["FIELD_DEFINITION"], access["locations"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal(["read", "masked", "edit"], access["args"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()));
    }

    private async Task<JsonNode> IntrospectAsync(string query) => (await app.Client().PostAsync(Query(query))).Ok()["__schema"]!;

    private static JsonNode Directive(JsonArray directives, string name) =>
        directives.Single(d => d!["name"]!.GetValue<string>() == name)!;
}
