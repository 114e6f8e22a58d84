using System.Text.Json.Nodes;
using CloudjetGraph.Api.GraphQL;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQLParser.AST;

namespace CloudjetGraph.UnitTests.GraphQL;

/// <summary>The introspection fields GraphQL.NET 8 lacks, on a schema whose directive has a deprecated argument.</summary>
public sealed class IntrospectionCompatibilityTests
{
    [Fact]
    public async Task DirectiveArgs_IncludeDeprecatedOmitted_LeavesTheDeprecatedArgumentOut()
    {
        var tagged = await TaggedDirectiveAsync("args { name isDeprecated }");

        Assert.Equal("""[{"name":"current","isDeprecated":false}]""", tagged["args"]!.ToJsonString());
    }

    [Fact]
    public async Task DirectiveArgs_IncludeDeprecatedTrue_ListsTheDeprecatedArgumentWithItsReason()
    {
        var tagged = await TaggedDirectiveAsync("args(includeDeprecated: true) { name isDeprecated deprecationReason }");

        Assert.Equal(
            """[{"name":"current","isDeprecated":false,"deprecationReason":null},{"name":"old","isDeprecated":true,"deprecationReason":"Use current."}]""",
            tagged["args"]!.ToJsonString());
    }

    [Fact]
    public async Task SpecifiedByUrl_OfAnyType_IsNull()
    {
        var data = await RunAsync("""{ string: __type(name: "String") { specifiedByURL } query: __type(name: "Query") { specifiedByURL } }""");

        Assert.Equal("""{"string":{"specifiedByURL":null},"query":{"specifiedByURL":null}}""", data.ToJsonString());
    }

    private static async Task<JsonNode> TaggedDirectiveAsync(string selection)
    {
        var data = await RunAsync($$"""{ __schema { directives { name {{selection}} } } }""");
        return data["__schema"]!["directives"]!.AsArray().Single(d => d!["name"]!.GetValue<string>() == "tagged")!;
    }

    private static async Task<JsonNode> RunAsync(string query)
    {
        var result = await new DocumentExecuter().ExecuteAsync(options =>
        {
            options.Schema = new TaggedSchema();
            options.Query = query;
        });
        var json = JsonNode.Parse(new GraphQLSerializer().Serialize(result))!;
        Assert.Null(json["errors"]);
        return json["data"]!;
    }

    private sealed class TaggedSchema : Schema
    {
        public TaggedSchema()
        {
            var query = new ObjectGraphType { Name = "Query" };
            query.Field<StringGraphType>("hello").Resolve(_ => "world");
            Query = query;
            Features.DeprecationOfInputValues = true;
            Directives.Register(new TaggedDirective());
        }

        protected override void OnBeforeInitializeType(IGraphType graphType)
        {
            base.OnBeforeInitializeType(graphType);
            IntrospectionCompatibility.Complete(graphType);
        }
    }

    private sealed class TaggedDirective : Directive
    {
        public TaggedDirective()
            : base("tagged", DirectiveLocation.FieldDefinition)
        {
            Arguments = new QueryArguments(
                new QueryArgument<StringGraphType> { Name = "current" },
                new QueryArgument<StringGraphType> { Name = "old", DeprecationReason = "Use current." });
        }

        public override bool? Introspectable => true;
    }
}
