using System.Globalization;
using GraphQL;
using GraphQL.Builders;

namespace CloudjetGraph.Api.GraphQL.Limits;

/// <summary>Declares what an expensive field counts for in the cost limit.</summary>
internal static class CostExtensions
{
    /// <summary>The field counts <paramref name="weight"/> instead of 1, as <c>@cost(weight:)</c> shows.</summary>
    public static FieldBuilder<TSource, TReturn> Costs<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, int weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        return field.ApplyDirective(CostDirective.DirectiveName, CostDirective.WeightArgument, weight.ToString(CultureInfo.InvariantCulture));
    }
}
