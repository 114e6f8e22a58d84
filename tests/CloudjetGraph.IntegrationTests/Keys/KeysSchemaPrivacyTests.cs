using CloudjetGraph.IntegrationTests.Infrastructure;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Keys;

/// <summary>
/// Walks every type reachable from <c>Query.keys</c> in the served schema and proves none can
/// carry personal data: no personal type, and text only in the fields listed here.
/// </summary>
public sealed class KeysSchemaPrivacyTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    // The only text the key census may return: fixed labels, never a stored value.
    private static readonly string[] AllowedStringFields = ["DataKey.purpose", "DataKey.state"];

    // Everything else must be one of these: ids, dates, flags and counts.
    private static readonly string[] AllowedScalars = ["ID", "DateTimeOffset", "Boolean", "Int", "Long", "String"];

    [Fact]
    public void Schema_TypesReachableFromKeys_CarryNoPersonalData()
    {
        var schema = Schema();
        var keys = Reachable(schema, "KeyInventory");
        var personal = Reachable(schema, "Profile").Concat(Reachable(schema, "Organization")).Concat(Reachable(schema, "Consent"))
            .Select(t => t.Name).Where(name => !AllowedScalars.Contains(name)).ToHashSet();

        Assert.Equal(
            ["DataKey", "DataKeyCensus", "KeyInventory", "MasterKey", "MasterKeyCensus", "UnattributedValues", "VersionCount"],
            keys.OfType<IObjectGraphType>().Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Contains("Profile", personal);
        Assert.Contains("Consent", personal);
        Assert.Empty(keys.Where(t => personal.Contains(t.Name)).Select(t => t.Name));

        var fields = keys.OfType<IObjectGraphType>().SelectMany(type => type.Fields.Select(field => (Name: $"{type.Name}.{field.Name}", Field: field))).ToList();
        Assert.All(fields, f => Assert.Contains(Named(f.Field.ResolvedType!).Name, AllowedScalars.Concat(keys.Select(t => t.Name))));
        Assert.Equal(AllowedStringFields, fields.Where(f => Named(f.Field.ResolvedType!) is StringGraphType).Select(f => f.Name).Order(StringComparer.Ordinal));

        // No argument anywhere: nothing a caller sends can steer the census towards a value.
        Assert.Empty(fields.Where(f => f.Field.Arguments?.Count > 0).Select(f => f.Name));
    }

    [Fact]
    public void Schema_KeysField_IsTheOnlyRootFieldOfKeyInventory()
    {
        var schema = Schema();

        var roots = schema.Query.Fields.Concat(schema.Mutation!.Fields).Where(f => Named(f.ResolvedType!).Name == "KeyInventory").Select(f => f.Name);

        Assert.Equal(["keys"], roots);
        Assert.Null(schema.Query.GetField("keys")!.Arguments);
    }

    private ISchema Schema()
    {
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema;
    }

    private static List<IGraphType> Reachable(ISchema schema, string root)
    {
        var seen = new Dictionary<string, IGraphType>();
        var pending = new Stack<IGraphType>([schema.AllTypes[root]!]);
        while (pending.TryPop(out var type))
        {
            if (!seen.TryAdd(type.Name, type) || type is not IComplexGraphType complex)
            {
                continue;
            }

            foreach (var field in complex.Fields)
            {
                pending.Push(Named(field.ResolvedType!));
            }
        }

        return [.. seen.Values];
    }

    private static IGraphType Named(IGraphType type) => type is IProvideResolvedType wrapper ? Named(wrapper.ResolvedType!) : type;
}
