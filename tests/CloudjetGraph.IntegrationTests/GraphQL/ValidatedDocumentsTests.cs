using System.Net.Http.Json;
using CloudjetGraph.Api.GraphQL.Http;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.GraphQL;

/// <summary>
/// A document that passed validation is held by its text and not parsed or validated again; what
/// depends on the request still is: its variables, the operation it chooses, and who asks.
/// </summary>
public sealed class ValidatedDocumentsTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    [Fact]
    public async Task Staff_SendsADocumentTwice_HeldAfterTheFirstAndAnsweredTheSame()
    {
        const string Query = "query HeldTwice { profiles(first: 3) { nodes { id fullName } } }";
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-held"));

        var first = await management.PostAsync(Query);
        var held = Documents.Find(Query);
        var second = await management.PostAsync(Query);

        Assert.NotNull(held);
        Assert.Same(held, Documents.Find(Query));
        Assert.Equal(first.Ok().ToJsonString(), second.Ok().ToJsonString());
    }

    [Fact]
    public async Task Caller_SendsAnInvalidDocumentTwice_RefusedBothTimesAndNeverHeld()
    {
        const string Query = "{ profiles(first: 3) { nodes { id noSuchField } } }";
        var client = app.Client(app.StaffToken(DefaultRole.Management, "management-invalid"));

        Assert.Equal(["GRAPHQL_VALIDATION_FAILED"], (await client.PostAsync(Query)).Codes);
        Assert.Equal(["GRAPHQL_VALIDATION_FAILED"], (await client.PostAsync(Query)).Codes);
        Assert.Null(Documents.Find(Query));
    }

    [Fact]
    public async Task HeldDocument_ItsOtherOperationPacksTwoLogins_StillRefused()
    {
        const string Query = "query Harmless { __typename } mutation Packed($e: String!, $p: String!) { a: login(email: $e, password: $p) { token } b: login(email: $e, password: $p) { token } }";

        Assert.Equal("Query", (await PostAsync(Query, "Harmless", variables: null))["data"]!["__typename"]!.GetValue<string>());
        Assert.NotNull(Documents.Find(Query));
        var packed = await PostAsync(Query, "Packed", new { e = "x@x.vn", p = "guess one!" });

        Assert.Equal("TOO_MANY_ACCOUNT_OPERATIONS", packed["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(packed["data"]);
    }

    [Fact]
    public async Task Staff_WritesAnEmailIntoTheDocument_AnsweredButTheDocumentIsNeverHeld()
    {
        const string Query = "{ profiles(first: 5, where: { email: \"an.nguyen@saomaiviet.vn\" }) { nodes { id } } }";
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-literal"));

        (await management.PostAsync(Query)).Ok();
        (await management.PostAsync(Query)).Ok();

        Assert.Null(Documents.Find(Query));
    }

    [Fact]
    public async Task HeldDocument_SentWithAVariableOfTheWrongType_RefusedAsBefore()
    {
        const string Query = "query($first: Int) { profiles(first: $first) { nodes { id } } }";
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-variables"));
        var unheld = await management.PostAsync(Query + " ", new { first = "two" });
        (await management.PostAsync(Query, new { first = 2 })).Ok();
        Assert.NotNull(Documents.Find(Query));

        var refused = await management.PostAsync(Query, new { first = "two" });

        Assert.NotEmpty(unheld.Codes);
        Assert.Equal(unheld.Codes, refused.Codes);
        Assert.Null(refused.Data);
    }

    [Fact]
    public async Task HeldDocument_SentWithoutAToken_RefusedAsForAnyAnonymousCaller()
    {
        const string Query = "query HeldForStaff { profiles(first: 1) { nodes { id fullName } } }";
        (await app.Client(app.StaffToken(DefaultRole.Management, "management-then-anonymous")).PostAsync(Query)).Ok();
        Assert.NotNull(Documents.Find(Query));

        var anonymous = await app.Client().PostAsync(Query);

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], anonymous.Codes);
    }

    [Fact]
    public async Task Caller_FloodsDistinctValidDocuments_HeldTextStaysWithinItsBound()
    {
        // Each nearly the longest document the gateway takes, made distinct by a comment: twice the bound in all.
        const int Length = 16_000;
        var documents = Enumerable.Range(0, 2 * (int)(ValidatedDocuments.MaxCharacters / Length))
            .Select(i => $"# {i:D6} {new string('x', Length - 30)}\n{{ __typename }}")
            .ToList();
        var anonymous = app.Client();

        foreach (var document in documents)
        {
            Assert.Equal("Query", (await anonymous.PostAsync(document)).Ok()["__typename"]!.GetValue<string>());
        }

        Assert.InRange(Documents.HeldCharacters, 1, ValidatedDocuments.MaxCharacters);
        Assert.Contains(documents, document => Documents.Find(document) is null);
    }

    private ValidatedDocuments Documents => app.Services.GetRequiredService<ValidatedDocuments>();

    private async Task<System.Text.Json.Nodes.JsonNode> PostAsync(string query, string operationName, object? variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, operationName, variables }) };
        return (await app.Client().SendAsync(request)).Json;
    }
}
