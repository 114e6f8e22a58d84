using CloudjetGraph.Core.Errors;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Paging;

/// <summary>
/// The arguments every paged list takes, <c>first</c>/<c>after</c> forward and <c>last</c>/<c>before</c>
/// backward, and the page they ask for. One direction per request, as the Relay cursor
/// specification advises: mixing them is a validation error.
/// </summary>
internal static class PageArguments
{
    public static FieldBuilder<TSource, TReturn> Paged<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> field, GraphQLOptions options, string afterDescription, string beforeDescription) =>
        field
            .Argument<IntGraphType>("first", $"Page size, 1 to {options.MaxPageSize}; default {options.DefaultPageSize}.")
            .Argument<StringGraphType>("after", afterDescription)
            .Argument<IntGraphType>("last", $"Page size when paging backward, 1 to {options.MaxPageSize}; default {options.DefaultPageSize} with 'before'. Not with 'first' or 'after'.")
            .Argument<StringGraphType>("before", beforeDescription);

    /// <summary>The page asked for by <c>first</c>/<c>after</c> or by <c>last</c>/<c>before</c>.</summary>
    /// <exception cref="DomainException">VALIDATION: both directions at once, or a size outside 1 to the largest page.</exception>
    public static PageRequest Request(IResolveFieldContext context, GraphQLOptions options)
    {
        var after = context.GetArgument<string?>("after");
        var before = context.GetArgument<string?>("before");
        var forward = context.GetArgument<int?>("first") is not null || after is not null;
        var backward = context.GetArgument<int?>("last") is not null || before is not null;
        if (forward && backward)
        {
            throw new DomainException(ErrorCodes.Validation, "Page one way per request: 'first' and 'after', or 'last' and 'before'.", "last");
        }

        return backward ? new PageRequest(Size(context, options, "last"), before, Backward: true) : new PageRequest(Size(context, options, "first"), after, Backward: false);
    }

    private static int Size(IResolveFieldContext context, GraphQLOptions options, string argument)
    {
        var size = context.GetArgument<int?>(argument) ?? options.DefaultPageSize;
        return size >= 1 && size <= options.MaxPageSize
            ? size
            : throw new DomainException(ErrorCodes.Validation, $"{argument} must be between 1 and {options.MaxPageSize}.", argument);
    }
}
