using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CloudjetGraph.IntegrationTests.Infrastructure;
using static CloudjetGraph.IntegrationTests.GraphQL.SmallLimitsApplication;

namespace CloudjetGraph.IntegrationTests.GraphQL;

/// <summary>Each operation limit accepts the document at it and refuses the first one over it, before anything runs.</summary>
public sealed class OperationLimitsTests(SmallLimitsApplication app) : IClassFixture<SmallLimitsApplication>
{
    [Fact]
    public async Task Management_QueriesAtTheDepthLimit_GetsData()
    {
        var data = await Management().PostAsync("{ profiles(first: 1) { nodes { organization { id } } } }");

        Assert.Single(data.Ok()["profiles"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task Management_QueriesOneLevelPastTheDepthLimit_IsRefused() =>
        AssertRefused(await Management().PostAsync("{ profiles(first: 1) { edges { node { organization { id } } } } }"), "depth", MaxDepth);

    [Fact]
    public async Task Management_QueriesAtTheCostLimit_GetsData()
    {
        // 1 (profiles) + 1 (totalCount) + 14 × (1 (nodes) + 1 (id)) = 30.
        var data = await Management().PostAsync("{ profiles(first: 14) { totalCount nodes { id } } }");

        Assert.Equal(14, data.Ok()["profiles"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Management_QueriesOnePageItemPastTheCostLimit_IsRefusedNamingItsCost() =>
        // 1 (profiles) + 1 (totalCount) + 15 × (1 (nodes) + 1 (id)) = 32.
        AssertRefusedForCost(await Management().PostAsync("{ profiles(first: 15) { totalCount nodes { id } } }"), 32);

    [Fact]
    public async Task Management_PageSizedByAVariableAtTheCostLimit_GetsData()
    {
        var data = await Management().PostAsync("query($n: Int) { profiles(first: $n) { totalCount nodes { id } } }", new { n = 14 });

        Assert.Equal(14, data.Ok()["profiles"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Management_PageSizedByAVariablePastTheCostLimit_IsRefusedNamingItsCost() =>
        AssertRefusedForCost(await Management().PostAsync("query($n: Int) { profiles(first: $n) { totalCount nodes { id } } }", new { n = 15 }), 32);

    [Fact]
    public async Task Management_AsksForTheCost_GetsItInExtensions()
    {
        var response = await Management().SendAsync(CostRequest("{ profiles(first: 14) { totalCount nodes { id } } }", "report"));

        Assert.Equal(14, response.Ok()["profiles"]!["nodes"]!.AsArray().Count);
        Assert.Equal(new JsonObject { ["operationCost"] = new JsonObject { ["cost"] = 30, ["maximum"] = MaxCost } }.ToJsonString(), response.Json["extensions"]!.ToJsonString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("validate")]
    [InlineData("report, report")]
    public async Task Management_DoesNotAskForTheCost_GetsNoExtensions(string? header)
    {
        var response = await Management().SendAsync(CostRequest("query Named { profiles(first: 2) { nodes { id } } }", header));

        Assert.Equal(2, response.Ok()["profiles"]!["nodes"]!.AsArray().Count);
        Assert.Null(response.Json["extensions"]);
    }

    [Fact]
    public async Task Management_BackwardPageAtTheCostLimit_GetsData()
    {
        var data = await Management().PostAsync("{ profiles(last: 14) { totalCount nodes { id } } }");

        Assert.Equal(14, data.Ok()["profiles"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Management_BackwardPageOnePageItemPastTheCostLimit_IsRefused() =>
        AssertRefusedForCost(await Management().PostAsync("{ profiles(last: 15) { totalCount nodes { id } } }"), 32);

    [Fact]
    public async Task Management_BackwardPageSizedByAVariablePastTheCostLimit_IsRefused() =>
        AssertRefusedForCost(await Management().PostAsync("query($n: Int) { profiles(last: $n) { totalCount nodes { id } } }", new { n = 15 }), 32);

    [Fact]
    public async Task Management_UsesAsManyAliasesAsAllowed_GetsData() =>
        Assert.Equal("""{"a":null,"b":null}""", (await Management().PostAsync("{ a: me { id } b: me { id } }")).Ok().ToJsonString());

    [Fact]
    public async Task Management_UsesOneAliasTooMany_IsRefused() =>
        AssertRefused(await Management().PostAsync("{ a: me { id } b: me { id } c: me { id } }"), "aliases", MaxAliases);

    [Fact]
    public async Task Management_AsksForAsManyRootFieldsAsAllowed_GetsData()
    {
        var data = await Management().PostAsync("{ me { id } organizations { id } profiles(first: 1) { totalCount } }");

        Assert.Equal(4, data.Ok()["organizations"]!.AsArray().Count);
    }

    [Fact]
    public async Task Management_AsksForOneRootFieldTooMany_IsRefused() =>
        AssertRefused(await Management().PostAsync("{ me { id } organizations { id } profiles(first: 1) { totalCount } __typename }"), "rootFields", MaxRootFields);

    [Fact]
    public async Task Anonymous_SpreadsAsManyFragmentsAsAllowed_GetsData() =>
        Assert.Equal("""{"__typename":"Query"}""", (await app.Client().PostAsync("{ ...Q ...Q } fragment Q on Query { __typename }")).Ok().ToJsonString());

    [Fact]
    public async Task Anonymous_SpreadsOneFragmentTooMany_IsRefused() =>
        AssertRefused(await app.Client().PostAsync("{ ...Q ...Q ...Q } fragment Q on Query { __typename }"), "fragmentSpreads", MaxFragmentSpreads);

    [Fact]
    public async Task Anonymous_SendsADocumentAtTheLengthLimit_GetsData() =>
        Assert.Equal("""{"__typename":"Query"}""", (await app.Client().PostAsync("{ __typename }".PadRight(MaxDocumentLength))).Ok().ToJsonString());

    [Fact]
    public async Task Anonymous_SendsADocumentOneCharacterTooLong_IsRefused() =>
        AssertRefused(await app.Client().PostAsync("{ __typename }".PadRight(MaxDocumentLength + 1)), "documentLength", MaxDocumentLength);

    [Fact]
    public async Task Anonymous_SendsATooLongDocumentOverGet_IsRefused()
    {
        var response = await app.Client().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ __typename }".PadRight(MaxDocumentLength + 1))));

        AssertRefused(response, "documentLength", MaxDocumentLength);
    }

    [Fact]
    public async Task Sales_CausesAsManyErrorsAsAllowed_GetsThemAll()
    {
        var response = await Sales().PostAsync("{ profiles(first: 2) { nodes { skype } } }");

        Assert.Equal(["AUTH_NOT_AUTHORIZED", "AUTH_NOT_AUTHORIZED"], response.Codes);
    }

    [Fact]
    public async Task Sales_CausesOneErrorTooMany_GetsTheFirstErrorsAndOneCountingTheRest()
    {
        var response = await Sales().PostAsync("{ profiles(first: 3) { nodes { skype } } }");

        Assert.Equal(["AUTH_NOT_AUTHORIZED", "AUTH_NOT_AUTHORIZED", "LIMIT_EXCEEDED"], response.Codes);
        Assert.Equal("""{"code":"LIMIT_EXCEEDED","limit":"errors","maximum":2}""", response.Errors[2]!["extensions"]!.ToJsonString());
        Assert.Equal("1 more errors were left out; a response holds at most 2.", response.Errors[2]!["message"]!.GetValue<string>());
        Assert.Equal(3, response.Data!["profiles"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Anonymous_RefusedUnderGraphQLResponse_Gets400WithoutData()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("""{"query":"{ ...Q ...Q ...Q } fragment Q on Query { __typename }"}""", new MediaTypeHeaderValue("application/json")) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");

        var response = await app.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        AssertRefused(response, "fragmentSpreads", MaxFragmentSpreads);
    }

    private static void AssertRefused(GraphQLResponse response, string limit, int maximum)
    {
        var error = Assert.Single(response.Errors)!;
        Assert.Equal(new JsonObject { ["code"] = "LIMIT_EXCEEDED", ["limit"] = limit, ["maximum"] = maximum }.ToJsonString(), error["extensions"]!.ToJsonString());
        Assert.Equal($"The document exceeds the {limit} limit of {maximum}.", error["message"]!.GetValue<string>());
        Assert.Null(response.Json["data"]);
    }

    private static void AssertRefusedForCost(GraphQLResponse response, int cost)
    {
        var error = Assert.Single(response.Errors)!;
        Assert.Equal(new JsonObject { ["code"] = "LIMIT_EXCEEDED", ["limit"] = "cost", ["maximum"] = MaxCost, ["cost"] = cost }.ToJsonString(), error["extensions"]!.ToJsonString());
        Assert.Equal($"The document costs {cost}, more than the cost limit of {MaxCost}.", error["message"]!.GetValue<string>());
        Assert.Null(response.Json["data"]);
    }

    private static HttpRequestMessage CostRequest(string query, string? costHeader)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        if (costHeader is not null)
        {
            request.Headers.TryAddWithoutValidation("GraphQL-Cost", costHeader);
        }

        return request;
    }

    private GraphQLClient Management() => app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));

    private GraphQLClient Sales() => app.Client(app.StaffToken(DefaultRole.Sales, "sales-demo"));
}
