using GraphQL;
using GraphQL.Introspection;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL;

/// <summary>
/// Fills the gaps between GraphQL.NET 8's introspection types and the October 2021 specification
/// that graphql-js's <c>getIntrospectionQuery</c> options ask for; without them a client that sets
/// <c>specifiedByUrl</c> or <c>inputValueDeprecation</c> gets a validation error instead of the
/// schema. The rest (<c>isRepeatable</c>, <c>includeDeprecated</c> on field arguments and input
/// fields) are GraphQL.NET features that <see cref="CloudjetSchema"/> turns on.
/// </summary>
internal static class IntrospectionCompatibility
{
    private const string IncludeDeprecated = "includeDeprecated";

    /// <summary>Adds what is missing to <paramref name="graphType"/> if it is an introspection type; call before the type is initialized.</summary>
    public static void Complete(IGraphType graphType)
    {
        switch (graphType)
        {
            case __Type type:
                AddSpecifiedByUrl(type);
                break;
            case __Directive directive:
                AddIncludeDeprecatedToArgs(directive);
                break;
        }
    }

    // None of our scalars claims a published specification (no @specifiedBy in the SDL), so the
    // answer is null for every type, as the specification allows.
    private static void AddSpecifiedByUrl(__Type type) =>
        type.Field<StringGraphType>("specifiedByURL")
            .Description("A URL to the specification of a custom scalar's format; null for every other type.")
            .Resolve(_ => null);

    // __Directive.args(includeDeprecated:) as __Field.args has it; deprecated directive arguments
    // are left out unless asked for, as the specification says.
    private static void AddIncludeDeprecatedToArgs(__Directive directive)
    {
        var args = directive.GetField("args") ?? throw new InvalidOperationException("GraphQL.NET's __Directive has no args field.");
        var allArguments = args.Resolver ?? throw new InvalidOperationException("GraphQL.NET's __Directive.args has no resolver.");
        args.Arguments ??= [];
        args.Arguments.Add(new QueryArgument<BooleanGraphType> { Name = IncludeDeprecated, DefaultValue = false });
        args.Resolver = new FuncFieldResolver<object?>(async context =>
        {
            var arguments = await allArguments.ResolveAsync(context);
            return context.GetArgument<bool>(IncludeDeprecated) || arguments is not IEnumerable<QueryArgument> list
                ? arguments
                : list.Where(argument => argument.DeprecationReason is null).ToList();
        });
    }
}
