using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace CloudjetGraph.Api.GraphQL.Limits;

/// <summary>
/// Puts <c>@listSize</c> on every field whose items the cost limit counts, from the configured
/// sizes, so that no field is forgotten: a paged field (one with <c>first</c> or <c>last</c>) sizes
/// the lists of the connection it returns by its slicing argument, or the default page size; any
/// other list counts the list weight. A field that declares its own <c>@listSize</c> keeps it.
/// Also checks every <c>@cost</c>, so that a bad weight stops startup instead of a request.
/// </summary>
internal sealed class ListSizeVisitor(int defaultPageSize, int listWeight) : BaseSchemaNodeVisitor
{
    /// <summary>The arguments that slice a list, in the order the directive names them.</summary>
    public static readonly IReadOnlyList<string> SlicingArgumentNames = ["first", "last"];

    private HashSet<IGraphType>? _pagedTypes;

    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema) => Visit(field, type, schema);

    public override void VisitInterfaceFieldDefinition(FieldType field, IInterfaceGraphType type, ISchema schema) => Visit(field, type, schema);

    private void Visit(FieldType field, IComplexGraphType type, ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(field);
        _ = FieldCost.Of(field);
        if (type.Name.StartsWith("__", StringComparison.Ordinal) || field.FindAppliedDirective(ListSizeDirective.DirectiveName) is not null)
        {
            return;
        }

        var slicing = SlicingArgumentNames.Where(name => field.Arguments?.Find(name) is not null).ToArray();
        if (slicing.Length > 0)
        {
            var sized = ((IComplexGraphType?)field.ResolvedType?.GetNamedType())?.Fields.Where(IsList).Select(f => f.Name).ToArray() ?? [];
            field.ApplyDirective(ListSizeDirective.DirectiveName, directive => directive
                .AddArgument(new DirectiveArgument(ListSizeDirective.AssumedSizeArgument) { Value = defaultPageSize })
                .AddArgument(new DirectiveArgument(ListSizeDirective.SlicingArgumentsArgument) { Value = slicing })
                .AddArgument(new DirectiveArgument(ListSizeDirective.SizedFieldsArgument) { Value = sized })

                // Neither argument is required: without one, the page has the default size.
                .AddArgument(new DirectiveArgument(ListSizeDirective.RequireOneSlicingArgumentArgument) { Value = false }));
        }
        else if (IsList(field) && !PagedTypes(schema).Contains(type))
        {
            field.ApplyDirective(ListSizeDirective.DirectiveName, ListSizeDirective.AssumedSizeArgument, listWeight);
        }
    }

    // The connections: their lists are sized by the paged field that returns them.
    private HashSet<IGraphType> PagedTypes(ISchema schema) => _pagedTypes ??= schema.AllTypes
        .OfType<IComplexGraphType>()
        .SelectMany(type => type.Fields)
        .Where(field => SlicingArgumentNames.Any(name => field.Arguments?.Find(name) is not null))
        .Select(field => field.ResolvedType!.GetNamedType())
        .ToHashSet();

    private static bool IsList(FieldType field) => (field.ResolvedType is NonNullGraphType nonNull ? nonNull.ResolvedType : field.ResolvedType) is ListGraphType;
}
