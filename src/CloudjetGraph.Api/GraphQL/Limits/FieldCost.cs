using System.Globalization;
using GraphQL;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Limits;

/// <summary>
/// What a field counts for in the cost limit, as its <c>@cost</c> and <c>@listSize</c> directives
/// say: the directives clients read in the SDL are the numbers <see cref="OperationAnalyzer"/> charges.
/// </summary>
/// <param name="Weight">What the field itself counts for; 1 without <c>@cost</c>.</param>
/// <param name="AssumedSize">Items a list counts for when no slicing argument is given; null without one.</param>
/// <param name="SlicingArguments">Arguments whose value is the page size; empty for a field that is not paged.</param>
internal sealed record FieldCost(long Weight, long? AssumedSize, IReadOnlyList<string> SlicingArguments)
{
    /// <summary>The cost of a field without directives.</summary>
    public static readonly FieldCost Default = new(1, null, []);

    /// <summary>The directives on <paramref name="field"/>, read.</summary>
    /// <exception cref="InvalidOperationException">A weight is not a whole number from 0 to <see cref="Saturating.Max"/>; found when the schema is built.</exception>
    public static FieldCost Of(FieldType? field)
    {
        if (field is null || !field.HasAppliedDirectives())
        {
            return Default;
        }

        var cost = field.FindAppliedDirective(CostDirective.DirectiveName)?.FindArgument(CostDirective.WeightArgument)?.Value;
        var listSize = field.FindAppliedDirective(ListSizeDirective.DirectiveName);
        var assumedSize = listSize?.FindArgument(ListSizeDirective.AssumedSizeArgument)?.Value;
        var slicing = listSize?.FindArgument(ListSizeDirective.SlicingArgumentsArgument)?.Value as IEnumerable<object>;
        return new FieldCost(
            cost is null ? Default.Weight : ParseWeight(field.Name, Convert.ToString(cost, CultureInfo.InvariantCulture)),
            assumedSize is null ? null : Convert.ToInt64(assumedSize, CultureInfo.InvariantCulture),
            slicing?.Select(argument => Convert.ToString(argument, CultureInfo.InvariantCulture)!).ToList() ?? Default.SlicingArguments);
    }

    private static long ParseWeight(string field, string? weight) =>
        long.TryParse(weight, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed <= Saturating.Max
            ? parsed
            : throw new InvalidOperationException($"The @cost weight of {field} must be a whole number from 0 to {Saturating.Max}.");
}
