using System.Globalization;
using System.Runtime.CompilerServices;
using CloudjetGraph.Core.Errors;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace CloudjetGraph.Api.GraphQL.Limits;

/// <summary>
/// Measures a parsed document against <see cref="OperationLimits"/> before GraphQL.NET validates
/// it, since validation itself is where hostile documents cost quadratic or exponential time. Each
/// selection node is visited once: a fragment is summarised on first use and the summary reused
/// at every further spread, with saturating counts, so the work is linear in the document's
/// length whatever its expansion would be. One instance per document.
/// </summary>
internal sealed class OperationAnalyzer(ISchema schema, OperationLimits limits, Inputs? variables)
{
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SelectionSummary> _summaries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _costs = new(StringComparer.Ordinal);
    private bool _cycle;

    /// <summary>Selection nodes visited so far; at most the number of selections in the document.</summary>
    public int NodesVisited { get; private set; }

    /// <summary>
    /// The cost of the operation <paramref name="operationName"/> selects (the only one when it is
    /// empty), once <see cref="Analyze"/> accepted the document; null when it selects none.
    /// </summary>
    public long? CostOf(string? operationName) =>
        string.IsNullOrEmpty(operationName) ? (_costs.Count == 1 ? _costs.Values.Single() : null)
        : _costs.TryGetValue(operationName, out var cost) ? cost : null;

    /// <summary>The first limit the document breaks, or null when it keeps them all.</summary>
    public RefusedOperationError? Analyze(GraphQLDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            // Refused here, not left to validation: a second definition would escape measurement.
            if (!_fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment))
            {
                return new RefusedOperationError(ErrorCodes.ValidationFailed, "Fragment names must be unique.");
            }
        }

        try
        {
            // Every definition is measured, used or not, because GraphQL.NET validates them all.
            foreach (var name in _fragments.Keys)
            {
                if (Check(Fragment(name), operation: false) is { } refused)
                {
                    return refused;
                }
            }

            foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
            {
                var summary = SelectionSet(operation.SelectionSet, RootType(operation.Operation));
                if (Check(summary, operation: true) is { } refused)
                {
                    return refused;
                }

                _costs.TryAdd(operation.Name?.StringValue ?? string.Empty, summary.CostWith(limits.ListWeight));
            }
        }
        catch (InsufficientExecutionStackException)
        {
            // A chain of fragments each spreading the next nests deeper than any depth limit.
            return RefusedOperationError.LimitExceeded(LimitNames.Depth, limits.MaxDepth);
        }

        return null;
    }

    private RefusedOperationError? Check(SelectionSummary summary, bool operation)
    {
        if (_cycle)
        {
            return new RefusedOperationError(ErrorCodes.ValidationFailed, "Fragments must not spread themselves, directly or through others.");
        }

        if (operation && summary.Introspects && !limits.AllowIntrospection)
        {
            return new RefusedOperationError(ErrorCodes.IntrospectionDisabled, "Introspection is disabled on this gateway.");
        }

        return summary switch
        {
            _ when summary.Depth > limits.MaxDepth => RefusedOperationError.LimitExceeded(LimitNames.Depth, limits.MaxDepth),
            _ when summary.Spreads > limits.MaxFragmentSpreads => RefusedOperationError.LimitExceeded(LimitNames.FragmentSpreads, limits.MaxFragmentSpreads),
            _ when summary.Aliases > limits.MaxAliases => RefusedOperationError.LimitExceeded(LimitNames.Aliases, limits.MaxAliases),
            _ when operation && summary.Fields > limits.MaxRootFields => RefusedOperationError.LimitExceeded(LimitNames.RootFields, limits.MaxRootFields),
            _ when summary.CostWith(limits.ListWeight) is var cost && cost > limits.MaxCost => RefusedOperationError.CostExceeded(cost, limits.MaxCost),
            _ => null,
        };
    }

    private SelectionSummary Fragment(string name)
    {
        if (_summaries.TryGetValue(name, out var done))
        {
            return done;
        }

        if (!_fragments.TryGetValue(name, out var fragment))
        {
            // An unknown fragment is GraphQL.NET's validation error; it adds nothing here.
            return SelectionSummary.Empty;
        }

        if (!_inProgress.Add(name))
        {
            _cycle = true;
            return SelectionSummary.Empty;
        }

        var summary = SelectionSet(fragment.SelectionSet, schema.AllTypes[fragment.TypeCondition.Type.Name.StringValue]);
        _inProgress.Remove(name);
        _summaries[name] = summary;
        return summary;
    }

    private SelectionSummary SelectionSet(GraphQLSelectionSet? selectionSet, IGraphType? parent)
    {
        var summary = SelectionSummary.Empty;
        if (selectionSet is null)
        {
            return summary;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var selection in selectionSet.Selections)
        {
            NodesVisited++;
            summary = summary.Plus(selection switch
            {
                GraphQLField field => Field(field, parent),
                GraphQLFragmentSpread spread => Spread(spread),
                GraphQLInlineFragment inline => SelectionSet(inline.SelectionSet, inline.TypeCondition is { } condition ? schema.AllTypes[condition.Type.Name.StringValue] : parent),
                _ => SelectionSummary.Empty,
            });
        }

        return summary;
    }

    private SelectionSummary Spread(GraphQLFragmentSpread spread)
    {
        var fragment = Fragment(spread.FragmentName.Name.StringValue);
        return fragment with { Spreads = Saturating.Add(fragment.Spreads, 1) };
    }

    private SelectionSummary Field(GraphQLField field, IGraphType? parent)
    {
        var name = field.Name.StringValue;
        var parentType = parent?.GetNamedType();
        var metaField = name is "__schema" or "__type";
        var definition = metaField ? null : (parentType as IComplexGraphType)?.GetField(name);
        var type = metaField ? schema.AllTypes[name == "__schema" ? "__Schema" : "__Type"] : definition?.ResolvedType;
        var children = SelectionSet(field.SelectionSet, type?.GetNamedType());
        var aliases = Saturating.Add(children.Aliases, field.Alias is null ? 0 : 1);

        // Introspection (its meta-fields, and every field of its types, whose names the spec
        // reserves with "__", as in a fragment on __Type) is exempt from cost; depth, aliases and
        // spreads still count.
        if (metaField || parentType?.Name.StartsWith("__", StringComparison.Ordinal) == true)
        {
            return new SelectionSummary(children.Depth + 1, 0, 0, aliases, children.Spreads, 1, metaField || children.Introspects);
        }

        // A list counts its items: those of its own @listSize, or, right under a paged field,
        // one page; a list without either counts the list weight of the field above it.
        var fieldCost = FieldCost.Of(definition);
        var cost = Saturating.Add(fieldCost.Weight, children.CostWith(PageSize(field, fieldCost) ?? limits.ListWeight));
        var isList = (type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is ListGraphType;
        var (sizedAbove, other) = !isList ? (0L, cost)
            : fieldCost is { AssumedSize: { } items, SlicingArguments.Count: 0 } ? (0L, Saturating.Multiply(items, cost))
            : (cost, 0L);
        return new SelectionSummary(children.Depth + 1, sizedAbove, other, aliases, children.Spreads, 1, children.Introspects);
    }

    /// <summary>
    /// The page a paged field returns: the largest slicing argument given (a backward page's
    /// <c>last</c> costs what <c>first</c> does; a document giving both, which the field refuses,
    /// counts the larger), else its assumed size; null for other fields.
    /// </summary>
    private long? PageSize(GraphQLField field, FieldCost cost)
    {
        if (cost.SlicingArguments.Count == 0)
        {
            return null;
        }

        long? size = null;
        foreach (var argument in field.Arguments?.Items ?? [])
        {
            if (cost.SlicingArguments.Contains(argument.Name.StringValue) && ArgumentSize(argument.Value) is { } given)
            {
                size = Math.Max(size ?? 0, given);
            }
        }

        return size ?? cost.AssumedSize ?? limits.DefaultPageSize;
    }

    private long? ArgumentSize(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLIntValue literal => long.TryParse(literal.Value.Span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var size) ? Math.Clamp(size, 0, Saturating.Max) : Saturating.Max,

        // A variable counts its value; one that is missing or not a number counts the largest page.
        GraphQLVariable variable => variables?.GetValueOrDefault(variable.Name.StringValue) switch
        {
            int size => Math.Max(size, 0),
            long size => Math.Clamp(size, 0, Saturating.Max),
            _ => limits.MaxPageSize,
        },
        _ => limits.MaxPageSize,
    };

    private IGraphType? RootType(OperationType operation) => operation switch
    {
        OperationType.Query => schema.Query,
        OperationType.Mutation => schema.Mutation,
        _ => schema.Subscription,
    };
}
