using CloudjetGraph.IntegrationTests.Infrastructure;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Keys;

/// <summary>
/// Walks every type reachable from the keyCustodian's root fields (the census, the record of
/// operations and the key mutations, their arguments included) in the served schema and proves
/// none can carry personal data: no personal type, and text only in the fields listed here.
/// </summary>
public sealed class KeysSchemaPrivacyTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    // Every root field of the keyCustodian role; anything else it may call reaches no key type.
    private static readonly string[] KeyRootFields =
    [
        "Mutation.cancelDataKeyDestruction", "Mutation.destroyDataKey", "Mutation.disableDataKey", "Mutation.enableDataKey", "Mutation.revokeMasterKey", "Mutation.rewrapDataKeysUnderMasterKey", "Mutation.rotateDataKey", "Mutation.rotateMasterKey", "Mutation.scheduleDataKeyDestruction", "Mutation.startKeyJob",
        "Query.keyJobs", "Query.keyOperations", "Query.keys",
    ];

    // The only text key fields may return: fixed labels, and the operation record's text, which
    // the gateway writes from ids, counts and token subjects, the jobs' scopes, states and lease
    // holders (host and process id); never a stored value.
    private static readonly string[] AllowedStringFields =
    [
        "DataKey.purpose", "DataKey.state", "DataKeyStatePayload.purpose", "DataKeyStatePayload.state", "DestroyDataKeyPayload.purpose",
        "KeyJob.holder", "KeyJob.scope", "KeyJob.state",
        "KeyOperation.actorRole", "KeyOperation.actorSubject", "KeyOperation.detail", "KeyOperation.operation", "KeyOperation.outcome", "KeyOperation.target", "KeyOperationEdge.cursor",
        "PageInfo.endCursor", "PageInfo.startCursor", "RotateDataKeyPayload.purpose", "StartKeyJobPayload.scope", "StartKeyJobPayload.state",
    ];

    // What a custodian may send: ids, numbers, flags and fixed enums; no text that could carry a value in.
    private static readonly string[] AllowedInputScalars = ["ID", "Int", "Boolean", "DataKeyPurposeLabel", "KeyJobKind", "WaitingPeriod"];

    // Everything else must be one of these: ids, dates, flags and counts.
    private static readonly string[] AllowedScalars = ["ID", "DateTimeOffset", "Boolean", "Int", "Long", "String", "WaitingPeriod"];

    [Fact]
    public void Schema_TypesReachableFromKeyFields_CarryNoPersonalData()
    {
        var schema = Schema();
        var keys = Reachable(KeyRoots(schema).SelectMany(RootTypes));
        var personal = Reachable([schema.AllTypes["Profile"]!, schema.AllTypes["Organization"]!, schema.AllTypes["Consent"]!])
            .Select(t => t.Name).Where(name => !AllowedScalars.Contains(name)).ToHashSet();

        Assert.Equal(
            [
                "DataKey", "DataKeyCensus", "DataKeyStatePayload", "DestroyDataKeyPayload", "KeyInventory", "KeyJob", "KeyOperation", "KeyOperationConnection", "KeyOperationEdge", "MasterKey", "MasterKeyCensus", "PageInfo",
                "RevokeMasterKeyPayload", "RewrapDataKeysPayload", "RotateDataKeyPayload", "RotateMasterKeyPayload", "StartKeyJobPayload", "UnattributedValues", "VersionCount",
            ],
            keys.OfType<IObjectGraphType>().Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["DataKeyIdInput", "DestroyDataKeyInput", "RevokeMasterKeyInput", "RotateDataKeyInput", "RotateMasterKeyInput", "ScheduleDataKeyDestructionInput", "StartKeyJobInput"],
            keys.OfType<IInputObjectGraphType>().Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Contains("Profile", personal);
        Assert.Contains("Consent", personal);
        Assert.Empty(keys.Where(t => personal.Contains(t.Name)).Select(t => t.Name));

        var fields = keys.OfType<IObjectGraphType>().SelectMany(type => type.Fields.Select(field => (Name: $"{type.Name}.{field.Name}", Field: field))).ToList();
        Assert.All(fields, f => Assert.Contains(Named(f.Field.ResolvedType!).Name, AllowedScalars.Concat(keys.Select(t => t.Name))));
        Assert.Equal(AllowedStringFields, fields.Where(f => Named(f.Field.ResolvedType!) is StringGraphType).Select(f => f.Name).Order(StringComparer.Ordinal));

        // No argument below the roots: nothing a caller sends can steer a key field towards a value.
        Assert.Empty(fields.Where(f => f.Field.Arguments?.Count > 0).Select(f => f.Name));

        // Inputs carry ids, numbers and flags only; keyOperations' cursor is the one text argument.
        var inputs = keys.OfType<IInputObjectGraphType>().SelectMany(type => type.Fields.Select(field => (Name: $"{type.Name}.{field.Name}", Field: field))).ToList();
        Assert.All(inputs, f => Assert.Contains(Named(f.Field.ResolvedType!).Name, AllowedInputScalars));
        var rootArguments = KeyRoots(schema).SelectMany(root => root.Field.Arguments ?? []).Select(a => (a.Name, Type: Named(a.ResolvedType!).Name));
        Assert.Equal(
            [("after", "String"), ("before", "String"), ("first", "Int"), ("input", "DataKeyIdInput"), ("input", "DataKeyIdInput"), ("input", "DataKeyIdInput"), ("input", "DestroyDataKeyInput"), ("input", "RevokeMasterKeyInput"), ("input", "RotateDataKeyInput"), ("input", "RotateMasterKeyInput"), ("input", "ScheduleDataKeyDestructionInput"), ("input", "StartKeyJobInput"), ("last", "Int")],
            rootArguments.Order());
    }

    [Fact]
    public void Schema_RootFieldsReachingKeyTypes_AreExactlyTheKeyCustodianFields()
    {
        var schema = Schema();
        var keyTypes = Reachable(KeyRoots(schema).SelectMany(RootTypes)).Where(t => t is IObjectGraphType && t.Name != "PageInfo").Select(t => t.Name).ToHashSet();

        var reaching = RootFields(schema).Where(root => Reachable(RootTypes(root)).Any(t => keyTypes.Contains(t.Name))).Select(root => root.Name);

        Assert.Equal(KeyRootFields, reaching.Order(StringComparer.Ordinal));
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

    private static IEnumerable<(string Name, FieldType Field)> RootFields(ISchema schema) =>
        schema.Query.Fields.Select(f => ($"Query.{f.Name}", f)).Concat(schema.Mutation!.Fields.Select(f => ($"Mutation.{f.Name}", f)));

    private static List<(string Name, FieldType Field)> KeyRoots(ISchema schema) => [.. RootFields(schema).Where(root => KeyRootFields.Contains(root.Name))];

    // What a root field returns and what its arguments take.
    private static IEnumerable<IGraphType> RootTypes((string Name, FieldType Field) root) =>
        new[] { Named(root.Field.ResolvedType!) }.Concat((root.Field.Arguments ?? []).Select(a => Named(a.ResolvedType!)));

    private static List<IGraphType> Reachable(IEnumerable<IGraphType> roots)
    {
        var seen = new Dictionary<string, IGraphType>();
        var pending = new Stack<IGraphType>(roots);
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
