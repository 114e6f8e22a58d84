using System.Net;
using System.Text;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.GraphQL;

/// <summary>
/// Small documents built to cost the gateway a lot, under the default limits. The body and document
/// length limits are raised so that the operation limits are what refuses them.
/// </summary>
public sealed class HostileDocumentTests(LargeDocumentsApplication app) : IClassFixture<LargeDocumentsApplication>
{
    [Fact]
    public async Task Anonymous_SendsFragmentsThatDoubleThirtyTimes_IsRefusedOnSpreads()
    {
        var document = new StringBuilder("{ ...F30 } fragment F0 on Query { __typename }");
        for (var i = 1; i <= 30; i++)
        {
            document.Append(" fragment F").Append(i).Append(" on Query { ...F").Append(i - 1).Append(" ...F").Append(i - 1).Append(" }");
        }

        var response = await app.Client().PostAsync(document.ToString());

        Assert.Equal(["LIMIT_EXCEEDED"], response.Codes);
        Assert.Equal("fragmentSpreads", response.Errors[0]!["extensions"]!["limit"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(true, "aliases")]
    [InlineData(false, "rootFields")]
    public async Task Anonymous_SendsAThousandCopiesOfAField_IsRefusedBeforeValidation(bool aliased, string limit)
    {
        var document = new StringBuilder("{");
        for (var i = 0; i < 1000; i++)
        {
            document.Append(aliased ? $" p{i}: " : " ").Append("profile(id: \"0193a000-0000-7000-8000-").Append(i.ToString("D12", System.Globalization.CultureInfo.InvariantCulture)).Append("\") { id fullName }");
        }

        var response = await app.Client().PostAsync(document.Append(" }").ToString());

        Assert.Equal(["LIMIT_EXCEEDED"], response.Codes);
        Assert.Equal(limit, response.Errors[0]!["extensions"]!["limit"]!.GetValue<string>());
    }

    [Fact]
    public async Task Management_AliasesTwentyFullPages_IsRefusedOnCost()
    {
        var pages = string.Concat(Enumerable.Range(0, 20).Select(i => $" p{i}: profiles(first: 50) {{ nodes {{ id fullName }} }}"));

        var response = await Management().PostAsync($"{{{pages} }}");

        Assert.Equal(["LIMIT_EXCEEDED"], response.Codes);
        Assert.Equal("cost", response.Errors[0]!["extensions"]!["limit"]!.GetValue<string>());
    }

    [Fact]
    public async Task Management_ReadsAFullPageWithEveryFieldInNodesAndEdges_GetsIt()
    {
        const string Profile = "id organization { id name } fullName email phone skype department jobTitle loginEmail consent { acceptedAt policyVersion withdrawnAt } createdAt updatedAt";

        var response = await Management().PostAsync($"{{ profiles(first: 50) {{ totalCount pageInfo {{ hasNextPage endCursor }} nodes {{ {Profile} }} edges {{ cursor node {{ {Profile} }} }} }} }}");

        var profiles = response.Ok()["profiles"]!;
        Assert.Equal(50, profiles["nodes"]!.AsArray().Count);
        Assert.Equal(50, profiles["edges"]!.AsArray().Count);
    }

    [Fact]
    public async Task Anonymous_SendsASubscription_GetsValidationCodeAndNoErrorLogLine()
    {
        var response = await app.Client().PostAsync("subscription { profiles { totalCount } }");

        Assert.Equal(["GRAPHQL_VALIDATION_FAILED"], response.Codes);
        Assert.Equal("This schema has no subscriptions.", response.Errors[0]!["message"]!.GetValue<string>());
        AssertNoErrorLogLine();
    }

    [Fact]
    public async Task Anonymous_SendsADocumentNestedPastTheParserLimit_GetsLimitExceededAndNoErrorLogLine()
    {
        var document = "{ " + string.Concat(Enumerable.Repeat("me { ", 100)) + "id" + string.Concat(Enumerable.Repeat(" }", 101));

        var response = await app.Client().PostAsync(document);

        Assert.Equal(["LIMIT_EXCEEDED"], response.Codes);
        Assert.Equal("nesting", response.Errors[0]!["extensions"]!["limit"]!.GetValue<string>());
        AssertNoErrorLogLine();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Login")]
    [InlineData("Missing")]
    public async Task Anonymous_SendsAMutationOverGet_IsRefusedWith405WhateverTheOperationName(string? operationName)
    {
        var query = "/graphql?query=" + Uri.EscapeDataString("mutation Login { login(email: \"an.nguyen@saomaiviet.vn\", password: \"demo-owner-2019\") { token } }")
            + (operationName is null ? string.Empty : "&operationName=" + Uri.EscapeDataString(operationName));

        var response = await app.Client().SendAsync(new HttpRequestMessage(HttpMethod.Get, query));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal(["BAD_REQUEST"], response.Codes);
        Assert.DoesNotContain("token", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_SendsAQueryBesideAMutationOverGet_IsRefusedWith405()
    {
        var query = "/graphql?operationName=Q&query=" + Uri.EscapeDataString("query Q { __typename } mutation M { login(email: \"a@b.vn\", password: \"x\") { token } }");

        var response = await app.Client().SendAsync(new HttpRequestMessage(HttpMethod.Get, query));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
    }

    private void AssertNoErrorLogLine() =>
        Assert.DoesNotContain(app.Logs.Lines, line => line.StartsWith("Error ", StringComparison.Ordinal) || line.StartsWith("Critical ", StringComparison.Ordinal));

    private GraphQLClient Management() => app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));
}
