using CloudjetGraph.Core.Errors;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace CloudjetGraph.Api.GraphQL;

/// <summary>
/// At most one <c>login</c>, <c>signUp</c>, <c>changeMyPassword</c>, <c>deleteMyAccount</c> or <c>withdrawConsent</c> per request, counting aliases and fragment spreads,
/// so that one request cannot pack many password guesses or accounts past the rate limits. It
/// runs at validation, so none of them is evaluated. A field under <c>@skip</c> still counts: the
/// rule errs on the side of refusing.
/// </summary>
internal sealed class SingleAccountOperationRule : ValidationRuleBase
{
    // A password re-entered to erase is a guess like a login's, so it counts the same.
    private static readonly HashSet<string> AccountFields = ["login", "signUp", "changeMyPassword", "deleteMyAccount", "withdrawConsent"];

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Operation is { Operation: OperationType.Mutation } operation)
        {
            var fragments = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
                .GroupBy(f => f.FragmentName.Name.StringValue)
                .ToDictionary(g => g.Key, g => g.First());
            var count = new Counter(fragments).Count(operation.SelectionSet);
            if (count > 1)
            {
                var message = "A request may hold at most one login, signUp, changeMyPassword, deleteMyAccount or withdrawConsent; none was run.";
                context.ReportError(new ValidationError(context.Document.Source, null, message, new DomainException(ErrorCodes.TooManyAccountOperations, message), operation));
            }
        }

        return default;
    }

    /// <summary>
    /// Counts account fields at the root, each fragment's count computed once and saturating at
    /// 2, so a document of fragments that spread each other many times costs linear time.
    /// </summary>
    private sealed class Counter(Dictionary<string, GraphQLFragmentDefinition> fragments)
    {
        private readonly Dictionary<string, int> _counted = [];

        public int Count(GraphQLSelectionSet selectionSet)
        {
            var count = 0;
            foreach (var selection in selectionSet.Selections)
            {
                count += selection switch
                {
                    GraphQLField field => AccountFields.Contains(field.Name.StringValue) ? 1 : 0,
                    GraphQLInlineFragment inline => Count(inline.SelectionSet),
                    GraphQLFragmentSpread spread => CountFragment(spread.FragmentName.Name.StringValue),
                    _ => 0,
                };
                if (count > 1)
                {
                    return 2;
                }
            }

            return count;
        }

        private int CountFragment(string name)
        {
            if (_counted.TryGetValue(name, out var known))
            {
                return known;
            }

            // Marked before descending: a fragment cycle (refused by another rule) counts as 0.
            _counted[name] = 0;
            var count = fragments.TryGetValue(name, out var fragment) ? Count(fragment.SelectionSet) : 0;
            _counted[name] = count;
            return count;
        }
    }
}
