using System.Globalization;
using System.Text;
using CloudjetGraph.Api.GraphQL.Limits;
using GraphQL;
using static CloudjetGraph.UnitTests.GraphQL.AnalyzerSchema;

namespace CloudjetGraph.UnitTests.GraphQL;

public sealed class OperationAnalyzerTests
{
    [Fact]
    public void Analyze_FragmentsSpreadTwicePerLevel_RefusesVisitingEachSelectionOnce()
    {
        // 30 levels expand to 2^31 - 1 spreads, one more than the limit: counted exactly, never expanded.
        var document = ExponentialFragments(30);
        Analyze(document); // warms up the schema and the JIT, whose allocations are not the analyser's
        var before = GC.GetAllocatedBytesForCurrentThread();

        var (refusal, visited) = Analyze(document, Generous with { MaxFragmentSpreads = int.MaxValue - 1, MaxCost = int.MaxValue });

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(LimitNames.FragmentSpreads, refusal?.Limit);
        Assert.Equal(1 + (30 * 2) + 1, visited);
        Assert.True(allocated < 256 * 1024, $"Allocated {allocated} bytes.");
    }

    [Theory]
    [InlineData(true, LimitNames.Aliases)]
    [InlineData(false, LimitNames.RootFields)]
    public void Analyze_AThousandCopiesOfAField_RefusesVisitingEachOnce(bool aliased, string limit)
    {
        var document = new StringBuilder("{");
        for (var i = 0; i < 1000; i++)
        {
            document.Append(aliased ? $" p{i}: " : " ").Append("profile(id: \"").Append(i).Append("\") { id }");
        }

        var (refusal, visited) = Analyze(document.Append(" }").ToString(), Generous with { MaxAliases = 20, MaxRootFields = 20 });

        Assert.Equal(limit, refusal?.Limit);
        Assert.Equal(2000, visited);
    }

    [Theory]
    [InlineData(4, null)]
    [InlineData(3, LimitNames.Depth)]
    public void Analyze_DepthThroughFragmentsAndInlineFragments_CountsFieldLevelsOnly(int maxDepth, string? refused)
    {
        const string Document = "{ ...P } fragment P on Query { profiles { ... on ProfileConnection { edges { node { id } } } } }";

        Assert.Equal(refused, Analyze(Document, Generous with { MaxDepth = maxDepth }).Refusal?.Limit);
    }

    [Theory]
    [InlineData(4, null)]
    [InlineData(3, LimitNames.Aliases)]
    public void Analyze_AliasesInASpreadFragment_CountOncePerSpread(int maxAliases, string? refused)
    {
        const string Document = "{ ...A ...A } fragment A on Query { a: me { i: id } }";

        Assert.Equal(refused, Analyze(Document, Generous with { MaxAliases = maxAliases }).Refusal?.Limit);
    }

    [Theory]
    [InlineData(3, null)]
    [InlineData(2, LimitNames.RootFields)]
    public void Analyze_RootFieldsThroughFragments_CountEveryRootField(int maxRootFields, string? refused)
    {
        const string Document = "{ me { id } ... on Query { organizations { id } } ...R } fragment R on Query { profile(id: 1) { id } }";

        Assert.Equal(refused, Analyze(Document, Generous with { MaxRootFields = maxRootFields }).Refusal?.Limit);
    }

    [Fact]
    public void Analyze_ProfilesPage_CostsEachNodeOncePerItemOfFirst() =>
        AssertCost(1 + 1 + (50 * (1 + 1 + 1)), "{ profiles(first: 50) { totalCount nodes { id fullName } } }");

    [Fact]
    public void Analyze_ProfilesPageWithoutFirst_CostsTheDefaultPageSize() =>
        AssertCost(1 + (20 * (1 + 1)), "{ profiles { nodes { id } } }");

    [Fact]
    public void Analyze_ProfilesPageSizedByAVariable_CostsTheVariablesValue() =>
        AssertCost(1 + (7 * (1 + 1)), "query($n: Int) { profiles(first: $n) { nodes { id } } }", new Inputs(new Dictionary<string, object?> { ["n"] = 7 }));

    [Fact]
    public void Analyze_ProfilesPageSizedByAMissingVariable_CostsTheLargestPage() =>
        AssertCost(1 + (50 * (1 + 1)), "query($n: Int) { profiles(first: $n) { nodes { id } } }");

    [Theory]
    [InlineData("last: 7", 7)]
    [InlineData("first: 3, last: 7", 7)]
    [InlineData("first: 7, last: null", 7)]
    public void Analyze_ProfilesPageSlicedByLast_CostsTheLargestSlicingArgument(string arguments, int size) =>
        AssertCost(1 + (size * (1 + 1)), $"{{ profiles({arguments}) {{ nodes {{ id }} }} }}");

    [Fact]
    public void Analyze_DocumentOverTheCostLimit_RefusalNamesItsComputedCost()
    {
        // 1 (profiles) + 1 (totalCount) + 4 × (1 (edges) + 1 (node) + 1 (id) + 1 (organization) + 1 (name)) = 22.
        var (refusal, _) = Analyze("{ profiles(first: 4) { totalCount edges { node { id organization { name } } } } }", Generous with { MaxCost = 21 });

        Assert.Equal((LimitNames.Cost, 22L, 21L), (refusal?.Limit, refusal?.Cost, refusal?.Maximum));
    }

    [Fact]
    public void Analyze_ListsWithoutPaging_CostTheListWeightPerLevel() =>
        AssertCost(10 * (1 + 1 + 1), "{ organizations { id name } }");

    [Fact]
    public void Analyze_PageInsideAFragmentSpreadTwice_CostsTwice() =>
        AssertCost(2 * (1 + (3 * (1 + 1))), "{ ...P ...P } fragment P on Query { profiles(first: 3) { edges { cursor } } }");

    [Fact]
    public void Analyze_HugeFirst_IsRefusedOnCostWithoutOverflow()
    {
        var (refusal, _) = Analyze("{ profiles(first: 99999999999999999999) { nodes { organization { id } } } }", Generous with { MaxCost = int.MaxValue - 1 });

        Assert.Equal(LimitNames.Cost, refusal?.Limit);
    }

    [Theory]
    [InlineData("{ __schema { types { name fields { name type { name ofType { name } } } } } }")]
    [InlineData("{ __schema { types { ...T } } } fragment T on __Type { fields { name type { ...R } } } fragment R on __Type { name ofType { name } }")]
    public void Analyze_IntrospectionQuery_CostsNothing(string document) =>
        Assert.Null(Analyze(document, Generous with { MaxCost = 1 }).Refusal);

    [Fact]
    public void Analyze_IntrospectionWhenTurnedOff_IsRefusedWithItsCode()
    {
        var (refusal, _) = Analyze("query Q { ...T } fragment T on Query { __type(name: \"Profile\") { name } }", Generous with { AllowIntrospection = false });

        Assert.Equal("INTROSPECTION_DISABLED", refusal?.Code);
    }

    [Fact]
    public void Analyze_TypenameWhenIntrospectionIsTurnedOff_IsAccepted() =>
        Assert.Null(Analyze("{ __typename me { __typename } }", Generous with { AllowIntrospection = false }).Refusal);

    [Fact]
    public void Analyze_FragmentCycle_IsRefusedAsInvalid()
    {
        var (refusal, visited) = Analyze("{ ...A } fragment A on Query { ...B } fragment B on Query { me { id } ...A }");

        Assert.Equal("GRAPHQL_VALIDATION_FAILED", refusal?.Code);
        Assert.True(visited < 10, $"Visited {visited} nodes.");
    }

    [Fact]
    public void Analyze_SecondFragmentOfTheSameName_IsRefusedAsInvalid()
    {
        // Otherwise the second, heavy definition would reach validation unmeasured.
        var (refusal, _) = Analyze("{ ...A } fragment A on Query { me { id } } fragment A on Query { a: me { id } b: me { id } }", Generous with { MaxAliases = 1 });

        Assert.Equal("GRAPHQL_VALIDATION_FAILED", refusal?.Code);
    }

    [Fact]
    public void Analyze_UnusedFragmentOverALimit_IsRefused()
    {
        // GraphQL.NET validates unused fragments as well, so they must be bounded too.
        var (refusal, _) = Analyze("{ me { id } } fragment Big on Query { a: me { id } b: me { id } }", Generous with { MaxAliases = 1 });

        Assert.Equal(LimitNames.Aliases, refusal?.Limit);
    }

    [Fact]
    public void Analyze_SecondOperationOverALimit_IsRefused()
    {
        var (refusal, _) = Analyze("query A { me { id } } query B { profiles { edges { node { organization { id } } } } }", Generous with { MaxDepth = 4 });

        Assert.Equal(LimitNames.Depth, refusal?.Limit);
    }

    [Fact]
    public void Analyze_LongChainOfFragments_IsRefusedWithoutExhaustingTheStack()
    {
        var document = new StringBuilder("{ ...F0 }");
        for (var i = 0; i < 20_000; i++)
        {
            document.Append(CultureInfo.InvariantCulture, $" fragment F{i} on Query {{ me {{ ...F{i + 1} }} }}");
        }

        var (refusal, _) = Analyze(document.Append(" fragment F20000 on Query { __typename }").ToString());

        Assert.Equal(LimitNames.Depth, refusal?.Limit);
    }

    private static string ExponentialFragments(int levels)
    {
        var document = new StringBuilder($"{{ ...F{levels} }} fragment F0 on Query {{ __typename }}");
        for (var i = 1; i <= levels; i++)
        {
            document.Append(CultureInfo.InvariantCulture, $" fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}");
        }

        return document.ToString();
    }
}
