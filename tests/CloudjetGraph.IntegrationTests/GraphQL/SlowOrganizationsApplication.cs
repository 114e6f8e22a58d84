using CloudjetGraph.IntegrationTests.Infrastructure;
using GraphQL.DI;
using GraphQL.Types;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.GraphQL;

/// <summary>
/// The gateway with a test-only field middleware that makes <c>organizations</c> wait until its
/// request's cancellation token fires, and counts the resolvers it saw cancelled. Nothing of this
/// exists in the shipping build.
/// </summary>
public sealed class SlowOrganizationsApplication : CloudjetApplication, IConfigureSchema
{
    private int _cancelled;

    /// <summary>Completes when an <c>organizations</c> resolver has started waiting.</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a waiting resolver has seen its request cancelled.</summary>
    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int CancelledCount => Volatile.Read(ref _cancelled);

    void IConfigureSchema.Configure(ISchema schema, IServiceProvider serviceProvider) =>
        schema.FieldMiddleware.Use(next => async context =>
        {
            if (context.FieldDefinition.Name != "organizations")
            {
                return await next(context);
            }

            Started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _cancelled);
                Cancelled.TrySetResult();
                throw;
            }

            return null;
        });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IConfigureSchema>(this));
    }
}
