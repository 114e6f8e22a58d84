using CloudjetGraph.Core.Keys.Jobs;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>A key job run: counts and times, never a value or a key.</summary>
internal sealed class KeyJobGraphType : ObjectGraphType<KeyJobStatus>
{
    public KeyJobGraphType()
    {
        Name = "KeyJob";
        Description = "A key job run over one scope, as its checkpoint and the lease show it: counts and times only.";
        Field<NonNullGraphType<KeyJobKindGraphType>>("kind").Description("The job.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("scope").Description("What it covers: `all`, `organization:{id}` or `profile:{id}`.").Resolve(c => c.Source.Scope);
        Field<NonNullGraphType<StringGraphType>>("state")
            .Description($"`{KeyJobStates.Running}` while a live lease holder runs it, `{KeyJobStates.Done}` when finished, otherwise `{KeyJobStates.Interrupted}` (stopped or its runner died; starting it again resumes).")
            .DeprecationReason(LabelFieldDeprecation.UseInstead("status"))
            .Resolve(c => c.Source.State);
        Field<NonNullGraphType<KeyJobStateGraphType>>("status").Description("Whether it runs, finished, or was interrupted (starting it again resumes).").Resolve(c => c.Source.State);
        Field<NonNullGraphType<LongGraphType>>("examined").Description("Rows looked at in this run.").Resolve(c => c.Source.Examined);
        Field<NonNullGraphType<LongGraphType>>("changed").Description("Rows changed.").Resolve(c => c.Source.Changed);
        Field<NonNullGraphType<LongGraphType>>("conflicts").Description("Rows left because a concurrent write changed them first; a new run retries them.").Resolve(c => c.Source.Conflicts);
        Field<StringGraphType>("holder").Description("The runner holding the lease (host, process id, random part), while running.").Resolve(c => c.Source.Holder);
        Field<DateTimeOffsetGraphType>("leaseExpiresAt").Description("When that lease expires unless renewed, while running.").Resolve(c => c.Source.LeaseExpiresAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("started").Description("When the run began.").Resolve(c => c.Source.StartedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updated").Description("When its checkpoint was last written.").Resolve(c => c.Source.UpdatedAt);
        Field<DateTimeOffsetGraphType>("finished").Description("When it finished.").Resolve(c => c.Source.FinishedAt);
    }
}
