using CloudjetGraph.Api;
using CloudjetGraph.Api.GraphQL.Limits;

namespace CloudjetGraph.UnitTests.GraphQL;

public sealed class OperationLimitsTests
{
    [Theory]
    [InlineData(false, false, false)]
    [InlineData(false, true, true)]
    [InlineData(true, false, true)]
    [InlineData(true, true, true)]
    public void From_IntrospectionSettingAndEnvironment_AllowsIntrospectionInDevelopmentOrWhenSet(bool isDevelopment, bool allowIntrospection, bool allowed) =>
        Assert.Equal(allowed, OperationLimits.From(new GraphQLOptions { AllowIntrospection = allowIntrospection }, isDevelopment).AllowIntrospection);

    [Fact]
    public void From_Options_CarriesEveryLimit()
    {
        var options = new GraphQLOptions
        {
            MaxDepth = 3, MaxCost = 4, MaxAliases = 5, MaxRootFields = 6, MaxFragmentSpreads = 7, ListWeight = 8, DefaultPageSize = 9, MaxPageSize = 10,
        };

        Assert.Equal(new OperationLimits(3, 4, 5, 6, 7, 8, 9, 10, false), OperationLimits.From(options, isDevelopment: false));
    }
}
