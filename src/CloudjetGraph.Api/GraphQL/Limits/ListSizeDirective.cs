using GraphQL.Types;
using GraphQLParser.AST;

namespace CloudjetGraph.Api.GraphQL.Limits;

/// <summary>
/// <c>@listSize</c> of the IBM GraphQL Cost Directive specification: how many items a list field
/// (or the lists under a paged field) counts for in the cost limit. <see cref="OperationAnalyzer"/>
/// reads it, so the SDL shows the sizes the gateway charges.
/// </summary>
internal sealed class ListSizeDirective : Directive
{
    public const string DirectiveName = "listSize";
    public const string AssumedSizeArgument = "assumedSize";
    public const string SlicingArgumentsArgument = "slicingArguments";
    public const string SizedFieldsArgument = "sizedFields";
    public const string RequireOneSlicingArgumentArgument = "requireOneSlicingArgument";

    public ListSizeDirective()
        : base(DirectiveName, DirectiveLocation.FieldDefinition)
    {
        Description = "How many items this list, or the lists under this paged field, count for in the operation cost limit (IBM GraphQL Cost Directive).";
        Arguments = new QueryArguments(
            new QueryArgument<IntGraphType> { Name = AssumedSizeArgument, Description = "Items counted when no slicing argument is given." },
            new QueryArgument<ListGraphType<NonNullGraphType<StringGraphType>>> { Name = SlicingArgumentsArgument, Description = "Arguments whose value is the number of items; the largest one given counts." },
            new QueryArgument<ListGraphType<NonNullGraphType<StringGraphType>>> { Name = SizedFieldsArgument, Description = "Fields of the returned type that hold the items, for a paged field that returns a connection." },
            new QueryArgument<BooleanGraphType> { Name = RequireOneSlicingArgumentArgument, Description = "Whether a document must give exactly one slicing argument.", DefaultValue = true });
    }

    // Type-system directives are hidden from introspection by default; cost-aware clients and
    // code generators that build the schema from introspection should see this one.
    public override bool? Introspectable => true;
}
