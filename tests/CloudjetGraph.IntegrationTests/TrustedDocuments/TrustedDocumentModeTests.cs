using CloudjetGraph.IntegrationTests.Infrastructure;
using static CloudjetGraph.IntegrationTests.TrustedDocuments.TrustedDocumentsApplication;

namespace CloudjetGraph.IntegrationTests.TrustedDocuments;

/// <summary>The modes besides <c>Require</c>, and the defaults by environment.</summary>
public sealed class TrustedDocumentModeTests
{
    [Fact]
    public async Task Allow_AnonymousSendsAnIdOrADocument_BothRun()
    {
        await using var app = new TrustedDocumentsApplication();
        app.With("GraphQL:TrustedDocuments:Mode", "Allow");

        Assert.Equal("Query", (await app.PostIdAsync(IdOf(Typename))).Ok()["__typename"]!.GetValue<string>());
        Assert.Equal("Query", (await app.Client().PostAsync("{ __typename }")).Ok()["__typename"]!.GetValue<string>());
        Assert.Equal(["PERSISTED_DOCUMENT_NOT_FOUND"], (await app.PostIdAsync(IdOf("{ unknown }"))).Codes);
    }

    [Fact]
    public async Task Off_AnonymousSendsAnIdFromTheManifest_NotFound()
    {
        await using var app = new TrustedDocumentsApplication();
        app.With("GraphQL:TrustedDocuments:Mode", "Off");

        Assert.Equal(["PERSISTED_DOCUMENT_NOT_FOUND"], (await app.PostIdAsync(IdOf(Typename))).Codes);
        Assert.Equal("Query", (await app.Client().PostAsync("{ __typename }")).Ok()["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Development_NoModeSet_AllowsDocumentsInFull()
    {
        await using var app = new CloudjetApplication();

        Assert.Equal("Query", (await app.Client().PostAsync("{ __typename }")).Ok()["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Require_ManifestWithAWrongEntry_RefusesToStartNamingTheSetting()
    {
        await using var app = new TrustedDocumentsApplication();
        await File.WriteAllTextAsync(app.ManifestPath, $"{{\"{new string('0', 64)}\":\"{{ __typename }}\"}}");

        var refusal = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains($"(GraphQL:TrustedDocuments:ManifestPath) is refused: the key '{new string('0', 64)}' is not the SHA-256 (lowercase hex) of its document.", refusal.ToString(), StringComparison.Ordinal);
    }
}
