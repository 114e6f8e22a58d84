using System.Net;
using System.Net.Http.Json;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Seeding;
using CloudjetGraph.IntegrationTests.Infrastructure;
using static CloudjetGraph.IntegrationTests.TrustedDocuments.TrustedDocumentsApplication;

namespace CloudjetGraph.IntegrationTests.TrustedDocuments;

/// <summary>
/// Under <c>Require</c> a trusted document runs by its id, by POST and, for queries, by GET; a
/// document sent in full answers TRUSTED_DOCUMENT_REQUIRED and an unknown id
/// PERSISTED_DOCUMENT_NOT_FOUND, and neither is parsed nor run.
/// </summary>
public sealed class RequireModeTests(TrustedDocumentsApplication app) : IClassFixture<TrustedDocumentsApplication>
{
    private static readonly object DemoOwner = new { email = DemoDataSeeder.DemoOwnerEmail, password = DemoDataSeeder.DemoOwnerPassword };

    [Fact]
    public async Task Anonymous_SendsATrustedId_ItRuns()
    {
        var response = await app.PostIdAsync(IdOf(Typename));

        Assert.Equal("""{"data":{"__typename":"Query"}}""", response.Body);
    }

    [Fact]
    public async Task Owner_LogsInAndReadsByIds_BothRun()
    {
        var login = await app.PostIdAsync(IdOf(Login), DemoOwner);
        var token = login.Ok()["login"]!["token"]!.GetValue<string>();

        var me = await app.PostIdAsync(IdOf(Me), token: token);

        Assert.Equal("Nguyễn Văn An", me.Ok()["me"]!["fullName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Anonymous_SendsTheLoginInFull_TrustedDocumentRequiredAndNoToken()
    {
        var response = await app.Client().PostAsync(Login, DemoOwner);

        Assert.Equal(["TRUSTED_DOCUMENT_REQUIRED"], response.Codes);
        Assert.Null(response.Data);
        Assert.DoesNotContain("token", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_SendsADocumentThatDoesNotParse_RefusedBeforeParsing()
    {
        var response = await app.Client().PostAsync("{ me { fullName ");

        Assert.Equal(["TRUSTED_DOCUMENT_REQUIRED"], response.Codes);
    }

    [Fact]
    public async Task Owner_SendsATrustedDocumentInFull_TrustedDocumentRequired()
    {
        var token = (await app.PostIdAsync(IdOf(Login), DemoOwner)).Ok()["login"]!["token"]!.GetValue<string>();

        var response = await app.Client(token).PostAsync(Me);

        Assert.Equal(["TRUSTED_DOCUMENT_REQUIRED"], response.Codes);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task KeyCustodian_NamedInAllowAdHocFor_SendsADocumentInFull_ItRuns()
    {
        var custodian = app.Client(app.StaffToken(Role.KeyCustodian, "custodian-ad-hoc"));

        var response = await custodian.PostAsync("{ __typename }");

        Assert.Equal("Query", response.Ok()["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Support_NotNamedInAllowAdHocFor_SendsADocumentInFull_TrustedDocumentRequired()
    {
        var support = app.Client(app.StaffToken(DefaultRole.Support, "support-ad-hoc"));

        var response = await support.PostAsync("{ __typename }");

        Assert.Equal(["TRUSTED_DOCUMENT_REQUIRED"], response.Codes);
    }

    [Fact]
    public async Task Anonymous_SendsAnUnknownId_PersistedDocumentNotFoundWith400()
    {
        var response = await app.PostIdAsync(IdOf("query Unknown { __typename }"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["PERSISTED_DOCUMENT_NOT_FOUND"], response.Codes);
        Assert.Null(response.Data);
    }

    [Theory]
    [InlineData("ABCDEF")]
    [InlineData("sha256:")]
    [InlineData("sha1:2fd4e1c67a2d28fced849ee1bb76e7391b93eb12")]
    [InlineData("sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")]
    [InlineData("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85")]
    [InlineData("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 ")]
    [InlineData("x-custom:typename")]
    public async Task Anonymous_SendsAMalformedId_BadRequestWith400(string documentId)
    {
        var response = await app.PostIdAsync(documentId);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["BAD_REQUEST"], response.Codes);
        Assert.Contains("64 lowercase hex digits", response.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_SendsBothQueryAndId_BadRequest()
    {
        var response = await app.Client().SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = Typename, documentId = IdOf(Typename) }),
        });

        Assert.Equal(["BAD_REQUEST"], response.Codes);
        Assert.Contains("not both", response.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_GetsAQueryById_ItRuns()
    {
        var response = await app.Client().SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/graphql?documentId={Uri.EscapeDataString(IdOf(Typename))}"));

        Assert.Equal("""{"data":{"__typename":"Query"}}""", response.Body);
    }

    [Fact]
    public async Task Anonymous_GetsAMutationById_405AndNothingRuns()
    {
        var variables = Uri.EscapeDataString("""{"email":"an.nguyen@saomaiviet.vn","password":"demo-owner-2019"}""");

        var response = await app.Client().SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/graphql?documentId={Uri.EscapeDataString(IdOf(Login))}&variables={variables}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.DoesNotContain("token", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_GetsADocumentInFull_TrustedDocumentRequired()
    {
        var response = await app.Client().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D"));

        Assert.Equal(["TRUSTED_DOCUMENT_REQUIRED"], response.Codes);
    }

    [Fact]
    public async Task Refusals_AreLoggedWithTheirCodeOnly()
    {
        await app.Client().PostAsync("query Secret { me { fullName } }");

        Assert.Contains(app.Logs.Lines, line => line.Contains("[2002] Refused a document before execution: TRUSTED_DOCUMENT_REQUIRED", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains("query Secret", StringComparison.Ordinal));
    }
}
