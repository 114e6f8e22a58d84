using System.Reflection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("CloudjetGraph.IntegrationTests.Infrastructure.RecordingTestFramework", "CloudjetGraph.IntegrationTests")]

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// xunit 2's own framework, which also records in <see cref="TestRun"/> the test cases a run is
/// given (after any filter), before the first of them starts. xunit 2 has no other place that
/// sees the whole run: no assembly fixture, and a test cannot know whether others were filtered out.
/// It is also where a test bound to the other database provider is reported as skipped, with its
/// reason (<see cref="TestDatabase.SkipReason"/>): xunit 2 decides skips only from attributes.
/// </summary>
public sealed class RecordingTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new RecordingExecutor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class RecordingExecutor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            var scheduled = testCases.Select(SkippedWhenBoundElsewhere).ToList();

            // A skipped test counts as left out, so checks over the whole run know it is partial.
            TestRun.Schedule(scheduled.Where(testCase => string.IsNullOrEmpty(testCase.SkipReason)).Select(testCase => $"{testCase.TestMethod.TestClass.Class.Name}.{testCase.TestMethod.Method.Name}"));
            base.RunTestCases(scheduled, executionMessageSink, executionOptions);
        }

        private IXunitTestCase SkippedWhenBoundElsewhere(IXunitTestCase testCase) =>
            !string.IsNullOrEmpty(testCase.SkipReason) || TestDatabase.SkipReason(testCase.Traits.ToDictionary()) is not { } reason
                ? testCase
                : new XunitSkippedDataRowTestCase(DiagnosticMessageSink, TestMethodDisplay.ClassAndMethod, TestMethodDisplayOptions.None, testCase.TestMethod, reason, testCase.TestMethodArguments);
    }
}
