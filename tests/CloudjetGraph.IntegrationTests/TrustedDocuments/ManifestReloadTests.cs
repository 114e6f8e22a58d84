using CloudjetGraph.IntegrationTests.Infrastructure;
using static CloudjetGraph.IntegrationTests.TrustedDocuments.TrustedDocumentsApplication;

namespace CloudjetGraph.IntegrationTests.TrustedDocuments;

/// <summary>
/// The manifest is read again when its file changes; a change that is not a whole, valid manifest
/// leaves the last good one in force.
/// </summary>
public sealed class ManifestReloadTests
{
    private const string Added = "query Added { __typename }";

    private static readonly TimeSpan ReloadTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Manifest_RewrittenWithANewDocument_ItsIdRunsWithoutARestart()
    {
        await using var app = new TrustedDocumentsApplication();
        Assert.Equal(["PERSISTED_DOCUMENT_NOT_FOUND"], (await app.PostIdAsync(IdOf(Added))).Codes);

        app.WriteManifest([.. Documents, Added]);

        await Poll.UntilAsync(() => app.Logs.Lines.Any(line => line.Contains("[2101] Trusted documents: the manifest holds 4 documents.", StringComparison.Ordinal)), ReloadTimeout, "the reload");
        Assert.Equal("Query", (await app.PostIdAsync(IdOf(Added))).Ok()["__typename"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("half written", "{\"")]
    [InlineData("a wrong entry", "{\"0000000000000000000000000000000000000000000000000000000000000000\":\"query Added { __typename }\"}")]
    public async Task Manifest_ReplacedByABadFile_LastGoodManifestStaysAndTheRefusalIsLogged(string what, string content)
    {
        await using var app = new TrustedDocumentsApplication();
        _ = app.Server;

        await File.WriteAllTextAsync(app.ManifestPath, content);

        await Poll.UntilAsync(() => app.Logs.Lines.Any(line => line.Contains("[2102] Trusted documents: the changed manifest was not taken because", StringComparison.Ordinal)), ReloadTimeout, $"the refusal of {what}");
        Assert.Equal("Query", (await app.PostIdAsync(IdOf(Typename))).Ok()["__typename"]!.GetValue<string>());
        Assert.Equal(["PERSISTED_DOCUMENT_NOT_FOUND"], (await app.PostIdAsync(IdOf(Added))).Codes);
    }
}
