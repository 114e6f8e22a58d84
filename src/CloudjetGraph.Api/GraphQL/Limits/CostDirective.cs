using GraphQL.Types;
using GraphQLParser.AST;

namespace CloudjetGraph.Api.GraphQL.Limits;

/// <summary>
/// <c>@cost</c> of the IBM GraphQL Cost Directive specification: what a field counts for in the
/// cost limit when it is not the default 1. <see cref="OperationAnalyzer"/> reads it, so the SDL
/// shows the numbers the gateway charges.
/// </summary>
internal sealed class CostDirective : Directive
{
    public const string DirectiveName = "cost";
    public const string WeightArgument = "weight";

    public CostDirective()
        : base(
            DirectiveName,
            DirectiveLocation.ArgumentDefinition,
            DirectiveLocation.Enum,
            DirectiveLocation.FieldDefinition,
            DirectiveLocation.InputFieldDefinition,
            DirectiveLocation.Object,
            DirectiveLocation.Scalar)
    {
        Description = "What this field counts for in the operation cost limit, instead of 1 (IBM GraphQL Cost Directive).";
        Arguments = new QueryArguments(
            new QueryArgument<NonNullGraphType<StringGraphType>> { Name = WeightArgument, Description = "The weight, a non-negative number written as a string." });
    }

    // Type-system directives are hidden from introspection by default; cost-aware clients and
    // code generators that build the schema from introspection should see this one.
    public override bool? Introspectable => true;
}
