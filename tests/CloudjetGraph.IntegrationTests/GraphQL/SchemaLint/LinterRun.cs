namespace CloudjetGraph.IntegrationTests.GraphQL.SchemaLint;

/// <summary>A finished linter or npm process: its exit code, and its standard output followed by its standard error.</summary>
internal sealed record LinterRun(int ExitCode, string Output);
