using CloudjetGraph.Core.Keys.Jobs;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>The started key job: kind, scope and state.</summary>
internal sealed class StartKeyJobPayloadGraphType : ObjectGraphType<StartKeyJobPayload>
{
    public StartKeyJobPayloadGraphType()
    {
        Name = "StartKeyJobPayload";
        Description = "The job started in the gateway's background; follow it with `keyJobs`.";
        Field<NonNullGraphType<KeyJobKindGraphType>>("kind").Description("The job.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("scope").Description("What it covers: `all`, `organization:{id}` or `profile:{id}`.").Resolve(c => c.Source.Scope);
        Field<NonNullGraphType<StringGraphType>>("state")
            .Description($"`{KeyJobStates.Running}` (in the background), `{KeyJobStates.Done}` (finished before the answer: nothing or little to do) or `{KeyJobStates.Interrupted}` (the gateway is stopping).")
            .DeprecationReason(LabelFieldDeprecation.UseInstead("status"))
            .Resolve(c => c.Source.State);
        Field<NonNullGraphType<KeyJobStateGraphType>>("status").Description("RUNNING in the background, DONE when it finished before the answer (nothing or little to do), or INTERRUPTED when the gateway is stopping.").Resolve(c => c.Source.State);
    }
}
