using CloudjetGraph.Core.Errors;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Paging;

/// <summary>The <c>first</c> and <c>after</c> arguments every paged list takes, and the page size they ask for.</summary>
internal static class PageArguments
{
    public static FieldBuilder<TSource, TReturn> Paged<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, GraphQLOptions options, string afterDescription) =>
        field
            .Argument<IntGraphType>("first", $"Page size, 1 to {options.MaxPageSize}; default {options.DefaultPageSize}.")
            .Argument<StringGraphType>("after", afterDescription);

    /// <exception cref="DomainException">VALIDATION: <c>first</c> is outside 1 to the largest page.</exception>
    public static int First(IResolveFieldContext context, GraphQLOptions options)
    {
        var first = context.GetArgument<int?>("first") ?? options.DefaultPageSize;
        return first >= 1 && first <= options.MaxPageSize
            ? first
            : throw new DomainException(ErrorCodes.Validation, $"first must be between 1 and {options.MaxPageSize}.", "first");
    }
}
