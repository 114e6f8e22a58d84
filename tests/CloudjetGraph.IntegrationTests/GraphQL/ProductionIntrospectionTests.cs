using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.GraphQL;

/// <summary>
/// Introspection on a real Production host (its ring made by the custodian's <c>keys init</c>):
/// closed by default, open when <c>GraphQL:AllowIntrospection</c> says so.
/// </summary>
public sealed class ProductionIntrospectionTests
{
    private const string SchemaQuery = "{ __schema { queryType { name } } }";

    [Fact]
    public async Task Anonymous_IntrospectsAProductionHostByDefault_GetsIntrospectionDisabled()
    {
        using var ring = await ProductionRing.CreateAsync();
        await using var host = ring.Host();

        var response = await host.Client().PostAsync(SchemaQuery);

        Assert.Equal(["INTROSPECTION_DISABLED"], response.Codes);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task Anonymous_RunsGraphqlJsIntrospectionWithEveryOptionOnAProductionHost_GetsIntrospectionDisabled()
    {
        using var ring = await ProductionRing.CreateAsync();
        await using var host = ring.Host();

        var response = await host.Client().PostAsync(IntrospectionCompatibilityTests.Query("full"));

        Assert.Equal(["INTROSPECTION_DISABLED"], response.Codes);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task Anonymous_IntrospectsAProductionHostThatAllowsIt_GetsTheQueryType()
    {
        using var ring = await ProductionRing.CreateAsync();
        await using var host = ring.Host().With("GraphQL:AllowIntrospection", "true");

        var response = await host.Client().PostAsync(SchemaQuery);

        Assert.Equal("Query", response.Ok()["__schema"]!["queryType"]!["name"]!.GetValue<string>());
    }
}
