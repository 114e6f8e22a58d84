using CloudjetGraph.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace CloudjetGraph.IntegrationTests.Hosting;

/// <summary>
/// Runs after every other test: xunit 2 starts collections that disable parallelization only
/// once all parallel collections have finished, and this is the only such collection.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AfterAllOtherTests
{
    public const string Name = "After all other tests";
}

/// <summary>Every code docs/errors.md documents is provoked, end to end, by some test of the run.</summary>
[Collection(AfterAllOtherTests.Name)]
public sealed class ErrorCodeCoverageTests(ITestOutputHelper output)
{
    [Fact]
    public void TestRun_EveryDocumentedCode_WasRaisedBySomeTest()
    {
        // A filtered run (one class while working) cannot raise them all; the whole suite must.
        if (TestRun.Unscheduled() is { Count: > 0 } unscheduled)
        {
            output.WriteLine($"A filtered run ({unscheduled.Count} test methods left out, e.g. {unscheduled[0]}): not checked.");
            return;
        }

        output.WriteLine($"A full run; codes raised: {string.Join(", ", RaisedErrorCodes.All.Order())}.");
        var neverRaised = DocumentedErrorTable.Codes().Except(RaisedErrorCodes.All).Order().ToList();

        Assert.True(neverRaised.Count == 0, $"No test's response carried: {string.Join(", ", neverRaised)}. Provoke each through GraphQLClient, or take it out of docs/errors.md if the gateway can no longer raise it.");
    }
}
