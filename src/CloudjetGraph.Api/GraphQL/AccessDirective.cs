using GraphQL.Types;
using GraphQLParser.AST;

namespace CloudjetGraph.Api.GraphQL;

/// <summary>
/// Documents in the SDL which roles may read, edit or see a masked form of a field, as configured
/// in the field matrix. Informational: enforcement is in the resolvers.
/// </summary>
internal sealed class AccessDirective : Directive
{
    public const string DirectiveName = "access";

    public AccessDirective()
        : base(DirectiveName, DirectiveLocation.FieldDefinition)
    {
        Description = "Roles granted this field by the field matrix; sales and support only for profiles of their assigned organizations.";
        Arguments = new QueryArguments(
            Roles("read", "Roles that read the whole value."),
            Roles("masked", "Roles that read a masked hint of the value."),
            Roles("edit", "Roles that may also change the value."));
    }

    // A type-system directive is hidden from introspection by default; clients that build the
    // schema from introspection (code generators, GraphiQL) should see its definition too.
    public override bool? Introspectable => true;

    private static QueryArgument<ListGraphType<NonNullGraphType<StringGraphType>>> Roles(string name, string description) =>
        new() { Name = name, Description = description };
}
