using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.GraphQL;

/// <summary>Tools such as GraphiQL and code generators introspect the schema with this query.</summary>
public sealed class IntrospectionTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private const string FullIntrospection = """
        query IntrospectionQuery {
          __schema {
            description
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;

    [Fact]
    public async Task Anonymous_RunsTheStandardIntrospectionQuery_GetsTheSchema()
    {
        var response = await app.Client().PostAsync(FullIntrospection);

        var types = response.Ok()["__schema"]!["types"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Profile", types);
        Assert.Contains("ProfileConnection", types);
    }

    [Fact]
    public async Task Anonymous_IntrospectsDeeperThanTheLimit_GetsLimitExceeded()
    {
        var ofTypes = string.Concat(Enumerable.Repeat("ofType { ", 14)) + "name" + string.Concat(Enumerable.Repeat(" }", 14));

        var response = await app.Client().PostAsync($"{{ __schema {{ queryType {{ fields {{ type {{ {ofTypes} }} }} }} }} }}");

        Assert.Equal(["LIMIT_EXCEEDED"], response.Codes);
        Assert.Equal("depth", response.Errors[0]!["extensions"]!["limit"]!.GetValue<string>());
        Assert.Null(response.Data);
    }
}
