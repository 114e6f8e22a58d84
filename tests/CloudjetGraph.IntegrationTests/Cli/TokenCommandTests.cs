using CloudjetGraph.Core.Errors;
using CloudjetGraph.IntegrationTests.Authorization;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>
/// <c>token --role R --sub S</c> on a development ring: any role the configuration knows, a staff
/// role made in configuration included, and never a blank subject or a role that does not exist.
/// </summary>
public sealed class TokenCommandTests(AuditorApplication app) : IClassFixture<AuditorApplication>
{
    [Fact]
    public async Task Developer_MintsATokenForARoleMadeInConfiguration_GatewayServesItThatRolesGrants()
    {
        var (exitCode, output, error) = await Custodian.TokenAsync(SettingsWithAuditor(), "--role", AuditorApplication.Role, "--sub", "auditor-cli");

        Assert.True(exitCode == 0, error);
        var response = await app.Client(output.Trim()).PostAsync("{ profiles(first: 1) { nodes { id fullName skype } } }");
        Assert.Equal([ErrorCodes.NotAuthorized], response.Codes);
        Assert.NotNull(response.Data!["profiles"]!["nodes"]![0]!["fullName"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    public async Task Developer_MintsATokenForABlankSubject_IsRefusedAsUsage(string subject)
    {
        var (exitCode, output, error) = await Custodian.TokenAsync(SettingsWithAuditor(), "--role", "management", "--sub", subject);

        Assert.Equal((2, string.Empty), (exitCode, output));
        Assert.Contains("--sub must name someone", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("intern")]
    [InlineData("Management")]
    [InlineData("owner")]
    [InlineData("anonymous")]
    public async Task Developer_MintsATokenForARoleTheConfigurationDoesNotGiveStaff_IsRefusedAsUsage(string role)
    {
        var (exitCode, output, error) = await Custodian.TokenAsync(SettingsWithAuditor(), "--role", role, "--sub", "someone");

        Assert.Equal((2, string.Empty), (exitCode, output));
        Assert.Contains($"unknown staff role '{role}'; expected one of {AuditorApplication.Role}, management, sales, support, keyCustodian.", error, StringComparison.Ordinal);
    }

    // The gateway's development ring and its auditor role, as the developer's settings would have them.
    private Dictionary<string, string?> SettingsWithAuditor()
    {
        var settings = Custodian.DevelopmentSettingsOf(app);
        settings[$"Authorization:RowScopes:{AuditorApplication.Role}"] = "All";
        settings[$"Authorization:Purposes:{AuditorApplication.Role}"] = "account";
        settings[$"Authorization:Fields:id:{AuditorApplication.Role}"] = "Read";
        settings[$"Authorization:Fields:fullName:{AuditorApplication.Role}"] = "Read";
        return settings;
    }
}
