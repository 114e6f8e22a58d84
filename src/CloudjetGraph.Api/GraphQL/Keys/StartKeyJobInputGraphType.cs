using CloudjetGraph.Core.Keys.Jobs;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>Which key job to start, over which scope, how fast.</summary>
internal sealed class StartKeyJobInputGraphType : InputObjectGraphType
{
    public StartKeyJobInputGraphType()
    {
        Name = "StartKeyJobInput";
        Description = "The job to start. A REKEY names exactly one of `all`, `organizationId` or `profileId`; the other kinds name none.";
        Field<NonNullGraphType<KeyJobKindGraphType>>("kind").Description("The job.");
        Field<BooleanGraphType>("all").Description("REKEY only: every profile.");
        Field<IdGraphType>("organizationId").Description("REKEY only: the profiles of this organisation.");
        Field<IdGraphType>("profileId").Description("REKEY only: this profile.");
        Field<BooleanGraphType>("restart").Description("REKEY only: begin a new run even though the last run of this scope finished (a new exposure). Default false.");
        Field<IntGraphType>("batchSize").Description($"Rows per batch (one transaction), 1-{KeyJobRunner.MaxBatchSize}; default {KeyJobRequest.DefaultBatchSize}.");
        Field<IntGraphType>("rowsPerSecond").Description("At most this many rows per second (at least 1); no cap when omitted.");
    }
}
