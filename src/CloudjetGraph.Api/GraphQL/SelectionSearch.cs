using GraphQL;
using GraphQLParser.AST;

namespace CloudjetGraph.Api.GraphQL;

/// <summary>
/// Whether a query asks for a field somewhere below the field being resolved, so a resolver can
/// skip loading what nobody selected. It errs towards loading: any field of that name at any depth,
/// in fragments too, and whatever @skip or @include say, counts as selected.
/// </summary>
internal static class SelectionSearch
{
    public static bool Mentions(IResolveFieldContext context, string fieldName)
    {
        var fragments = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(fragment => fragment.FragmentName.Name.StringValue)
            .ToDictionary(group => group.Key, group => group.First());
        return Mentions(context.FieldAst.SelectionSet, fieldName, fragments, []);
    }

    private static bool Mentions(GraphQLSelectionSet? selections, string fieldName, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> visited)
    {
        if (selections is null)
        {
            return false;
        }

        foreach (var selection in selections.Selections)
        {
            var found = selection switch
            {
                GraphQLField field => field.Name.StringValue == fieldName || Mentions(field.SelectionSet, fieldName, fragments, visited),
                GraphQLInlineFragment inline => Mentions(inline.SelectionSet, fieldName, fragments, visited),
                GraphQLFragmentSpread spread => visited.Add(spread.FragmentName.Name.StringValue)
                    && fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                    && Mentions(fragment.SelectionSet, fieldName, fragments, visited),
                _ => true,
            };
            if (found)
            {
                return true;
            }
        }

        return false;
    }
}
