using CloudjetGraph.Core.Keys.Lifecycle;
using GraphQL.Types;
using GraphQLParser.AST;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>
/// A waiting period as custodians write it (<c>7d</c>, <c>24h</c>): a scalar rather than a String, so
/// the key custodians' inputs still carry no free text, and a malformed period fails validation.
/// </summary>
internal sealed class WaitingPeriodGraphType : ScalarGraphType
{
    public WaitingPeriodGraphType()
    {
        Name = "WaitingPeriod";
        Description = $"A waiting period: {DurationText.Usage}.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue text => Parse(text.Value.ToString()),
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        string text => Parse(text),
        TimeSpan period => period,
        null => null,
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        TimeSpan period => DurationText.Format(period),
        null => null,
        _ => ThrowSerializationError(value),
    };

    private static TimeSpan Parse(string text) =>
        DurationText.TryParse(text, out var period, out var problem) ? period : throw new FormatException(problem);
}
