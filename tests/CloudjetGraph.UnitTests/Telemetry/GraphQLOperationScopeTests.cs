using System.Diagnostics;
using CloudjetGraph.Api.Telemetry;
using GraphQLParser;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.UnitTests.Telemetry;

public sealed class GraphQLOperationScopeTests : IDisposable
{
    private readonly List<Activity> _stopped = [];
    private readonly ActivityListener _listener;
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().AddSingleton<GatewayMetrics>().BuildServiceProvider();

    public GraphQLOperationScopeTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TelemetryNames.GraphQL,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Add,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public void Identify_OperationNameSelectsOneOfSeveral_NamesTheSpanAfterIt()
    {
        using (var scope = new GraphQLOperationScope(Metrics, ClientIdentity.Anonymous))
        {
            scope.Identify(Parser.Parse("query A { a } mutation B { b }"), "B");
        }

        var span = Assert.Single(_stopped);
        Assert.Equal("mutation B", span.DisplayName);
        Assert.Equal("B", span.GetTagItem(TelemetryNames.OperationName));
        Assert.Equal("mutation", span.GetTagItem(TelemetryNames.OperationType));
        Assert.Equal(RequestOutcomes.BadRequest, span.GetTagItem(TelemetryNames.Outcome));
    }

    [Fact]
    public void Identify_SeveralOperationsAndNoName_LeavesTheSpanUnnamed()
    {
        using (var scope = new GraphQLOperationScope(Metrics, ClientIdentity.Anonymous))
        {
            scope.Identify(Parser.Parse("query A { a } query B { b }"), null);
            scope.Ended(RequestOutcomes.Timeout);
        }

        var span = Assert.Single(_stopped);
        Assert.Equal("GraphQL Operation", span.DisplayName);
        Assert.Null(span.GetTagItem(TelemetryNames.OperationName));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public void Identify_AnonymousQueryWithValues_TagsTheTypeAndNothingOfTheDocument()
    {
        using (var scope = new GraphQLOperationScope(Metrics, ClientIdentity.Anonymous))
        {
            scope.Identify(Parser.Parse("""{ profiles(where: { email: "an.nguyen@saomaiviet.vn" }) { nodes { id } } }"""), null);
        }

        var span = Assert.Single(_stopped);
        Assert.Equal("query", span.DisplayName);
        Assert.DoesNotContain(span.TagObjects, tag => tag.Value is string text && text.Contains("an.nguyen", StringComparison.Ordinal));
    }

    [Fact]
    public void Identify_VeryLongOperationName_CutsItToTheMaximum()
    {
        var name = new string('n', 5000);
        using (var scope = new GraphQLOperationScope(Metrics, ClientIdentity.Anonymous))
        {
            scope.Identify(Parser.Parse($"query {name} {{ a }}"), name);
        }

        Assert.Equal(GraphQLOperationScope.MaxNameLength, ((string)Assert.Single(_stopped).GetTagItem(TelemetryNames.OperationName)!).Length);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private GatewayMetrics Metrics => _services.GetRequiredService<GatewayMetrics>();
}
