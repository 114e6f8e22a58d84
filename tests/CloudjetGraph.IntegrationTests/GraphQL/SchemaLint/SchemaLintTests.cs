using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.GraphQL.SchemaLint;

/// <summary>
/// The committed SDL passes both schema linters as frontend tooling configures them (schema/lint),
/// each linter fails on a schema that breaks its rules, and every rule switched off has its reason
/// in docs/schema-contract.md.
/// </summary>
public sealed class SchemaLintTests
{
    // A snake_case field without a description: both linters' naming and description rules fire.
    private const string UndocumentedSnakeCaseField = """
        "Profiles."
        type Query {
          "The caller's name."
          name: String
          phone_number: String
        }
        """;

    [NpmFact]
    public async Task GraphqlSchemaLinter_OnTheCommittedSdl_ReportsNoError()
    {
        var run = await SchemaLinters.RunScriptAsync("lint:schema-linter");

        Assert.True(run.ExitCode == 0, run.Output);
    }

    [NpmFact]
    public async Task GraphqlEslint_OnTheCommittedSdl_ReportsNoProblem()
    {
        var run = await SchemaLinters.RunScriptAsync("lint:eslint");

        Assert.True(run.ExitCode == 0, run.Output);
    }

    [NpmFact]
    public async Task GraphqlSchemaLinter_OnAnUndocumentedSnakeCaseField_FailsNamingBothRules()
    {
        var run = await SchemaLinters.GraphqlSchemaLinterAsync(UndocumentedSnakeCaseField);

        Assert.True(run.ExitCode == 1, run.Output);
        Assert.Contains("5:3 The field `Query.phone_number` is not camel cased.", run.Output, StringComparison.Ordinal);
        Assert.Contains("5:3 The field `Query.phone_number` is missing a description.", run.Output, StringComparison.Ordinal);
    }

    [NpmFact]
    public async Task GraphqlEslint_OnAnUndocumentedSnakeCaseField_FailsNamingBothRules()
    {
        var run = await SchemaLinters.EslintAsync(UndocumentedSnakeCaseField);

        Assert.True(run.ExitCode == 1, run.Output);
        Assert.Matches(@"5:3\s+error\s+Field ""phone_number"" should be in camelCase format\s+@graphql-eslint/naming-convention", run.Output);
        Assert.Matches(@"5:3\s+error\s+Description is required for field ""phone_number"" in type ""Query""\s+@graphql-eslint/require-description", run.Output);
    }

    [NpmFact]
    public async Task EveryRuleSwitchedOff_IsListedWithItsReasonInTheSchemaContract()
    {
        string[] switchedOff = [.. await SwitchedOffRules.InEslintConfigAsync(), .. SwitchedOffRules.InGraphqlSchemaLinterConfig()];
        var documented = SwitchedOffRules.InSchemaContractDoc();

        var undocumented = switchedOff.Except(documented.Keys, StringComparer.Ordinal).ToList();
        var stillOn = documented.Keys.Except(switchedOff, StringComparer.Ordinal).ToList();
        Assert.True(
            undocumented.Count == 0 && stillOn.Count == 0,
            $"Switched off without a reason in docs/schema-contract.md: [{string.Join(", ", undocumented)}]. Listed there but on: [{string.Join(", ", stillOn)}].");
        Assert.All(documented, rule => Assert.True(rule.Value.Length > 0, $"{rule.Key} has no reason in docs/schema-contract.md."));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NpmSkipReason_InCi_IsNoneSoTheTestRuns(bool npmFound) =>
        Assert.Null(NpmFactAttribute.SkipReason(continuousIntegration: true, npmInstalled: npmFound));

    [Fact]
    public void NpmSkipReason_LocallyWithoutNpm_SaysHowToInstallIt() =>
        Assert.Equal(
            "npm was not found on the PATH: install Node.js 20.19 or later with npm (CI runs this test).",
            NpmFactAttribute.SkipReason(continuousIntegration: false, npmInstalled: false));
}
