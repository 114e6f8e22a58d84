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
            var scheduled = testCases.ToList();
            TestRun.Schedule(scheduled.Select(testCase => $"{testCase.TestMethod.TestClass.Class.Name}.{testCase.TestMethod.Method.Name}"));
            base.RunTestCases(scheduled, executionMessageSink, executionOptions);
        }
    }
}
