using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>Which disabled data key to schedule for destruction, and after how long.</summary>
internal sealed class ScheduleDataKeyDestructionInputGraphType : InputObjectGraphType
{
    public ScheduleDataKeyDestructionInputGraphType()
    {
        Name = "ScheduleDataKeyDestructionInput";
        Description = "The disabled data key to schedule for destruction, and its waiting period.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The data key's id, as `keys { dataKeys { id } }` shows it.");
        Field<WaitingPeriodGraphType>("after")
            .Description("The waiting period; at least KeyLifecycle:MinimumDestroyDelay (default 7d), which is also the default. VALIDATION when shorter.");
    }
}
