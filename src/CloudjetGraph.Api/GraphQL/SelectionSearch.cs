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
    public static bool Mentions(IResolveFieldContext context, string fieldName) => MentionsAny(context, name => name == fieldName);

    /// <summary>Whether the query asks, below the field being resolved, for any field whose name <paramref name="named"/> accepts.</summary>
    public static bool MentionsAny(IResolveFieldContext context, Func<string, bool> named)
    {
        var fragments = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(fragment => fragment.FragmentName.Name.StringValue)
            .ToDictionary(group => group.Key, group => group.First());
        return Mentions(context.FieldAst.SelectionSet, named, fragments, []);
    }

    private static bool Mentions(GraphQLSelectionSet? selections, Func<string, bool> named, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> visited)
    {
        if (selections is null)
        {
            return false;
        }

        foreach (var selection in selections.Selections)
        {
            var found = selection switch
            {
                GraphQLField field => named(field.Name.StringValue) || Mentions(field.SelectionSet, named, fragments, visited),
                GraphQLInlineFragment inline => Mentions(inline.SelectionSet, named, fragments, visited),
                GraphQLFragmentSpread spread => visited.Add(spread.FragmentName.Name.StringValue)
                    && fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                    && Mentions(fragment.SelectionSet, named, fragments, visited),
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
