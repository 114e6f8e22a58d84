using System.Globalization;
using CloudjetGraph.Api;
using CloudjetGraph.Api.GraphQL.Limits;
using CloudjetGraph.IntegrationTests.Infrastructure;
using GraphQL;
using GraphQL.Types;
using GraphQLParser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.IntegrationTests.GraphQL;

/// <summary>
/// The served schema's <c>@cost</c> and <c>@listSize</c> directives against the configured sizes
/// and against what the cost limit charges, field by field, so the SDL clients read cannot drift
/// from the numbers the gateway enforces.
/// </summary>
public sealed class CostDirectivesTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    [Fact]
    public void CodeSchema_PagedFields_CarryTheirSlicingArgumentsAndTheDefaultPageSize()
    {
        var paged = Fields().Where(f => ListSizeVisitor.SlicingArgumentNames.Any(name => f.Field.Arguments?.Find(name) is not null)).ToList();

        Assert.Contains(paged, f => f.Field.Name == "profiles");
        Assert.All(paged, f =>
        {
            var listSize = f.Field.FindAppliedDirective(ListSizeDirective.DirectiveName);
            Assert.True(listSize is not null, $"{f.Type.Name}.{f.Field.Name} has no @listSize.");
            Assert.Equal(Options.DefaultPageSize, Argument<int>(listSize, ListSizeDirective.AssumedSizeArgument));
            Assert.Equal(ListSizeVisitor.SlicingArgumentNames.Where(name => f.Field.Arguments!.Find(name) is not null), Strings(listSize, ListSizeDirective.SlicingArgumentsArgument));
            Assert.Equal(ListFields((IComplexGraphType)f.Field.ResolvedType!.GetNamedType()).Select(l => l.Name), Strings(listSize, ListSizeDirective.SizedFieldsArgument));
            Assert.False(Argument<bool>(listSize, ListSizeDirective.RequireOneSlicingArgumentArgument));
        });
    }

    [Fact]
    public void CodeSchema_EveryOtherList_AssumesTheListWeight()
    {
        var connections = Fields().Where(f => f.Field.FindAppliedDirective(ListSizeDirective.DirectiveName)?.FindArgument(ListSizeDirective.SizedFieldsArgument) is not null)
            .Select(f => f.Field.ResolvedType!.GetNamedType())
            .ToHashSet();
        var lists = Fields().Where(f => IsList(f.Field) && !connections.Contains(f.Type)).ToList();

        Assert.Contains(lists, f => f.Field.Name == "organizations");
        Assert.All(lists, f => Assert.Equal(Options.ListWeight, Argument<int?>(f.Field.FindAppliedDirective(ListSizeDirective.DirectiveName), ListSizeDirective.AssumedSizeArgument)));
    }

    [Fact]
    public void Analyzer_EveryFieldWithCostDirectives_ChargesWhatTheDirectivesSay()
    {
        var charged = Fields().Where(f => f.Field.FindAppliedDirective(CostDirective.DirectiveName) is not null || f.Field.FindAppliedDirective(ListSizeDirective.DirectiveName) is not null).ToList();

        Assert.Contains(charged, f => f.Field.Name == "keys" && Argument<string>(f.Field.FindAppliedDirective(CostDirective.DirectiveName), CostDirective.WeightArgument) == "10");
        Assert.Contains(charged, f => f.Field.Name == "breachReport");
        Assert.All(charged, f => Assert.True(Expected(f.Field) == Charged(f.Type, f.Field), $"{f.Type.Name}.{f.Field.Name}: the directives say {Expected(f.Field)}, the analyzer charges {Charged(f.Type, f.Field)}."));
    }

    // Worked out from the directives alone: a field counts its weight, what it selects counts once
    // per item of its list (its assumed size), and a paged field's sized list once per page item.
    private static long Expected(FieldType field)
    {
        var cost = field.FindAppliedDirective(CostDirective.DirectiveName);
        var weight = cost is null ? 1 : long.Parse(Argument<string>(cost, CostDirective.WeightArgument)!, CultureInfo.InvariantCulture);
        var listSize = field.FindAppliedDirective(ListSizeDirective.DirectiveName);
        var selection = field.ResolvedType!.GetNamedType() is IComplexGraphType ? 1 : 0;
        var assumed = Argument<int?>(listSize, ListSizeDirective.AssumedSizeArgument) ?? 1;
        return Strings(listSize, ListSizeDirective.SizedFieldsArgument).Any() ? weight + (assumed * (1 + 1))
            : IsList(field) ? assumed * (weight + selection)
            : weight + selection;
    }

    // A fragment selecting only the field, refused at a cost limit of 0: the refusal names its cost.
    private long Charged(IComplexGraphType type, FieldType field)
    {
        var sized = Strings(field.FindAppliedDirective(ListSizeDirective.DirectiveName), ListSizeDirective.SizedFieldsArgument).FirstOrDefault();
        var selection = sized is not null ? $"{{ {sized} {{ __typename }} }}"
            : field.ResolvedType!.GetNamedType() is IComplexGraphType ? "{ __typename }"
            : string.Empty;
        var limits = OperationLimits.From(Options, isDevelopment: false) with { MaxCost = 0 };
        var refusal = new OperationAnalyzer(Schema, limits, variables: null).Analyze(Parser.Parse($"fragment F on {type.Name} {{ {field.Name} {selection} }}"));
        return refusal?.Cost ?? -1;
    }

    private IEnumerable<(IComplexGraphType Type, FieldType Field)> Fields() => Schema.AllTypes
        .OfType<IComplexGraphType>()
        .Where(type => !type.Name.StartsWith("__", StringComparison.Ordinal))
        .SelectMany(type => type.Fields.Select(field => (type, field)));

    private static IEnumerable<FieldType> ListFields(IComplexGraphType type) => type.Fields.Where(IsList);

    private static bool IsList(FieldType field) => (field.ResolvedType is NonNullGraphType nonNull ? nonNull.ResolvedType : field.ResolvedType) is ListGraphType;

    private static T? Argument<T>(AppliedDirective? directive, string name) => directive?.FindArgument(name)?.Value is { } value ? (T)value : default;

    private static IEnumerable<string> Strings(AppliedDirective? directive, string name) =>
        (directive?.FindArgument(name)?.Value as IEnumerable<string>) ?? [];

    private ISchema Schema
    {
        get
        {
            var schema = app.Services.GetRequiredService<ISchema>();
            schema.Initialize();
            return schema;
        }
    }

    private GraphQLOptions Options => app.Services.GetRequiredService<IOptions<GraphQLOptions>>().Value;
}
