using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.GraphQL;

/// <summary>The GraphQL-over-HTTP spec: methods, media types, status codes and the error shape.</summary>
public sealed class GraphQLOverHttpTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private const string GraphQLResponse = "application/graphql-response+json";

    [Fact]
    public async Task Post_WithoutAccept_AnswersJsonWithData()
    {
        var response = await app.Client().SendAsync(Post("""{"query":"{ __typename }"}"""));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.MediaType);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", response.Body);
    }

    [Fact]
    public async Task Post_AcceptingGraphQLResponse_AnswersThatMediaType()
    {
        var request = Post("""{"query":"{ __typename }"}""");
        request.Headers.Accept.ParseAdd($"{GraphQLResponse}, application/json;q=0.9");

        var response = await app.Client().SendAsync(request);

        Assert.Equal(GraphQLResponse, response.MediaType);
        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task Post_DocumentThatDoesNotParse_AnswersSpecStatusAndParseCode(string accept, HttpStatusCode status)
    {
        var request = Post("""{"query":"{ profiles { "}""");
        request.Headers.Accept.ParseAdd(accept);

        var response = await app.Client().SendAsync(request);

        Assert.Equal(status, response.Status);
        Assert.Equal(["GRAPHQL_PARSE_FAILED"], response.Codes);
        Assert.Null(response.Json["data"]);
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task Post_DocumentThatDoesNotValidate_AnswersSpecStatusAndValidationCode(string accept, HttpStatusCode status)
    {
        var request = Post("""{"query":"{ profiles { nodes { salary } } }"}""");
        request.Headers.Accept.ParseAdd(accept);

        var response = await app.Client().SendAsync(request);

        Assert.Equal(status, response.Status);
        Assert.Equal(["GRAPHQL_VALIDATION_FAILED"], response.Codes);
    }

    [Fact]
    public async Task Post_FieldErrorUnderGraphQLResponse_Answers200WithPartialData()
    {
        var request = Post("""{"query":"{ __typename me { id } }"}""");
        request.Headers.Accept.ParseAdd(GraphQLResponse);

        var response = await app.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"__typename":"Query","me":null}""", response.Data!.ToJsonString());
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.Codes);
    }

    [Fact]
    public async Task Get_Query_AnswersData()
    {
        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).SendAsync(new HttpRequestMessage(
            HttpMethod.Get,
            "/graphql?query=" + Uri.EscapeDataString("query($first: Int) { profiles(first: $first) { nodes { id } } }") + "&variables=" + Uri.EscapeDataString("""{"first":2}""")));

        Assert.Equal(2, response.Ok()["profiles"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Get_Mutation_IsRefusedWith405AndAllowPost()
    {
        using var http = app.CreateClient();

        using var response = await http.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { login(email: \"a@b.vn\", password: \"x\") { token } }"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
        Assert.Contains("\"BAD_REQUEST\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_IsRefusedWith405()
    {
        var response = await app.Client().SendAsync(new HttpRequestMessage(HttpMethod.Put, "/graphql") { Content = new StringContent("{}", Encoding.UTF8, "application/json") });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal(["BAD_REQUEST"], response.Codes);
    }

    [Fact]
    public async Task Post_NonJsonBody_IsRefusedWith415()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{ __typename }", Encoding.UTF8, "application/graphql") };

        var response = await app.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal(["BAD_REQUEST"], response.Codes);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"variables":{}}""")]
    [InlineData("""{"query":"{ __typename }","variables":"nope"}""")]
    [InlineData("[]")]
    public async Task Post_MalformedRequest_IsRefusedWith400AndCode(string body)
    {
        var response = await app.Client().SendAsync(Post(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["BAD_REQUEST"], response.Codes);
    }

    [Fact]
    public async Task Post_AcceptingOnlyXml_IsRefusedWith406()
    {
        var request = Post("""{"query":"{ __typename }"}""");
        request.Headers.Accept.ParseAdd("application/xml");

        var response = await app.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_IsRefusedWith413AndAGraphQLError()
    {
        var padding = new string(' ', 70 * 1024);

        var response = await app.Client().SendAsync(Post($$"""{"query":"{ __typename }{{padding}}"}"""));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal(["BAD_REQUEST"], response.Codes);
    }

    [Fact]
    public async Task Post_VariableOfWrongType_ErrorNeitherEchoesTheValueNorLeaksDetails()
    {
        var response = await app.Client().PostAsync(
            "query($first: Int) { profiles(first: $first) { totalCount } }", new { first = "nguyen.van.secret@example.vn" });

        Assert.Equal(["GRAPHQL_VALIDATION_FAILED"], response.Codes);
        Assert.DoesNotContain("nguyen.van.secret", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", response.Body, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Post(string body) =>
        new(HttpMethod.Post, "/graphql") { Content = new StringContent(body, new MediaTypeHeaderValue("application/json")) };
}
