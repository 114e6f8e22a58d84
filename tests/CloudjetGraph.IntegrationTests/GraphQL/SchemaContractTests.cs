using CloudjetGraph.IntegrationTests.Infrastructure;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.GraphQL;

/// <summary>
/// The committed SDL in schema/ is the contract frontend teams code against. After an intended
/// change, regenerate it with <c>UPDATE_SCHEMA=1 dotnet test --filter SchemaContractTests</c>.
/// </summary>
public sealed class SchemaContractTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private static readonly string CommittedPath = Path.Combine(RepositoryRoot.Path, "schema", "cloudjet.graphql");

    [Fact]
    public void CodeSchema_PrintedAsSdl_MatchesTheCommittedFile()
    {
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var printed = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n") + "\n";

        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1" && Environment.GetEnvironmentVariable("CI") != "true")
        {
            File.WriteAllText(CommittedPath, printed);
        }

        Assert.True(File.Exists(CommittedPath), $"{CommittedPath} is missing; run with UPDATE_SCHEMA=1 to create it.");
        var committed = File.ReadAllText(CommittedPath).ReplaceLineEndings("\n");
        Assert.True(committed == printed, "The schema changed; review it and run with UPDATE_SCHEMA=1 to update schema/cloudjet.graphql.");
    }

    [Fact]
    public void CodeSchema_EveryTypeFieldAndEnumValue_HasADescription()
    {
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var own = schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t is not ScalarGraphType).ToList();

        Assert.All(own, type => Assert.False(string.IsNullOrWhiteSpace(type.Description), $"{type.Name} has no description."));
        Assert.All(
            own.OfType<IComplexGraphType>().SelectMany(t => t.Fields.Select(f => (Type: t.Name, Field: f))),
            pair => Assert.False(string.IsNullOrWhiteSpace(pair.Field.Description), $"{pair.Type}.{pair.Field.Name} has no description."));
        Assert.All(
            own.OfType<EnumerationGraphType>().SelectMany(t => t.Values.Select(v => (Type: t.Name, Value: v))),
            pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value.Description), $"{pair.Type}.{pair.Value.Name} has no description."));
    }
}
