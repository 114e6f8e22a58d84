using CloudjetGraph.Core.Keys.Jobs;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>The key job states of <see cref="KeyJobStates"/>, as an enum.</summary>
internal sealed class KeyJobStateGraphType : LabelEnumerationGraphType
{
    public KeyJobStateGraphType()
    {
        Name = "KeyJobState";
        Description = "Where a key job run stands.";
        AddLabel(KeyJobStates.Running, $"`{KeyJobStates.Running}`: a live lease holder runs it.");
        AddLabel(KeyJobStates.Interrupted, $"`{KeyJobStates.Interrupted}`: stopped (cancelled, the gateway stopping, or its runner died) with work left; starting it again resumes.");
        AddLabel(KeyJobStates.Done, $"`{KeyJobStates.Done}`: finished.");
    }
}
