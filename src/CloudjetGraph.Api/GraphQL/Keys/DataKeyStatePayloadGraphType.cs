using CloudjetGraph.Core.Keys.Lifecycle;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>A data key after a reversible step: its id, purpose and state.</summary>
internal sealed class DataKeyStatePayloadGraphType : ObjectGraphType<DataKeyStateChange>
{
    public DataKeyStatePayloadGraphType()
    {
        Name = "DataKeyStatePayload";
        Description = "The data key after the step; running gateways follow within DataProtection:RefreshInterval.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The data key.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("purpose").Description("Its purpose's label.")
            .DeprecationReason(LabelFieldDeprecation.UseInstead("keyPurpose"))
            .Resolve(c => c.Source.Purpose);
        Field<NonNullGraphType<DataKeyPurposeGraphType>>("keyPurpose").Description("What it protects.").Resolve(c => c.Source.Purpose);
        Field<NonNullGraphType<StringGraphType>>("state").Description("Its state now, as `keys { dataKeys { state } }` shows it.")
            .DeprecationReason(LabelFieldDeprecation.UseInstead("status"))
            .Resolve(c => c.Source.State);
        Field<NonNullGraphType<DataKeyStateGraphType>>("status").Description("Its state now, as `keys { dataKeys { status } }` shows it.").Resolve(c => c.Source.State);
        Field<DateTimeOffsetGraphType>("destroyAfter").Description("When destroyDataKey may destroy it; null unless it is scheduled for destruction.").Resolve(c => c.Source.DestroyAfter);
    }
}
