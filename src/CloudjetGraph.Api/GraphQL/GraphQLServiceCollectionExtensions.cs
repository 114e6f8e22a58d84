using CloudjetGraph.Api.GraphQL.Errors;
using CloudjetGraph.Api.GraphQL.Http;
using CloudjetGraph.Api.GraphQL.Keys;
using CloudjetGraph.Api.GraphQL.Limits;
using CloudjetGraph.Api.GraphQL.TrustedDocuments;
using CloudjetGraph.Api.RateLimiting;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace CloudjetGraph.Api.GraphQL;

/// <summary>Registers the schema, its execution rules and the HTTP endpoint.</summary>
internal static class GraphQLServiceCollectionExtensions
{
    public static IServiceCollection AddCloudjetGraphQL(this IServiceCollection services)
    {
        services.AddOptions<GraphQLOptions>()
            .BindConfiguration(GraphQLOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.DefaultPageSize <= o.MaxPageSize, $"{GraphQLOptions.SectionName}:DefaultPageSize must not exceed {GraphQLOptions.SectionName}:MaxPageSize.")
            .ValidateOnStart();
        services.AddSingleton<GraphQLRequestReader>();
        services.AddCloudjetTrustedDocuments();
        services.AddSingleton<DocumentGate>();
        services.AddSingleton<ValidatedDocuments>();
        services.AddCloudjetRateLimits();
        services.AddScoped<GraphQLHttpHandler>();
        services.AddSingleton<KeyJobBackground>();
        services.AddHostedService(provider => provider.GetRequiredService<KeyJobBackground>());
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<CloudjetSchema>()
            .AddSystemTextJson(json => json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddGraphTypes(typeof(CloudjetSchema).Assembly)
            .AddErrorInfoProvider<CloudjetErrorInfoProvider>()
            .AddValidationRule<SingleAccountOperationRule>(useForCachedDocuments: true)

            // Operations run only when the access policy grants them; resolvers hold no access code.
            .UseMiddleware<OperationAccessMiddleware>()

            // Resolvers share the request's DbContext, which allows one operation at a time.
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query));
        return services;
    }

    /// <summary>Maps GraphQL over HTTP at <paramref name="pattern"/>.</summary>
    public static IEndpointConventionBuilder MapCloudjetGraphQL(this IEndpointRouteBuilder endpoints, string pattern)
    {
        // The manifest is read, and its file watched, from startup on, not from the first request.
        _ = endpoints.ServiceProvider.GetRequiredService<TrustedDocumentStore>();
        return endpoints.Map(pattern, (HttpContext http, GraphQLHttpHandler handler) => handler.HandleAsync(http));
    }
}
