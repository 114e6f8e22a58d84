using CloudjetGraph.Core.Keys;
using CloudjetGraph.Core.Protection;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>A data key, as the census shows it: read from its row, never unwrapped.</summary>
internal sealed class DataKeyGraphType : ObjectGraphType<DataKeyEntry>
{
    public DataKeyGraphType()
    {
        Name = "DataKey";
        Description = "A data key, read from its row and never unwrapped.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The id written into the header of every value it protects.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("purpose")
            .Description($"What it protects: `{DataKeyPurposeLabels.PersonKeyWrapping}`, `{DataKeyPurposeLabels.BlindIndex}`, `{DataKeyPurposeLabels.TokenSigning}` or `{DataKeyPurposeLabels.RowIntegrity}`.")
            .DeprecationReason(LabelFieldDeprecation.UseInstead("keyPurpose"))
            .Resolve(c => c.Source.Purpose);
        Field<NonNullGraphType<DataKeyPurposeGraphType>>("keyPurpose").Description("What it protects.").Resolve(c => c.Source.Purpose);
        Field<NonNullGraphType<StringGraphType>>("state")
            .Description($"`{DataKeyStates.Active}` (new values are written with it), `{DataKeyStates.DecryptOnly}` (kept to read what it protects), `{DataKeyStates.Disabled}` (nothing opens under it: KEY_DISABLED), `{DataKeyStates.ScheduledForDestruction}` (disabled, and destroyable once its waiting period has passed) or `{DataKeyStates.Destroyed}` (its bytes overwritten; the row only names it).")
            .DeprecationReason(LabelFieldDeprecation.UseInstead("status"))
            .Resolve(c => c.Source.State);
        Field<NonNullGraphType<DataKeyStateGraphType>>("status").Description("Where it is in its life: what is written and what opens under it.").Resolve(c => c.Source.State);
        Field<IdGraphType>("masterKeyId").Description("The ring key its wrapped form names; null when that form has no Data Protection header.").Resolve(c => c.Source.MasterKeyId);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("created").Description("When it was created.").Resolve(c => c.Source.Created);
        Field<NonNullGraphType<DataKeyCensusGraphType>>("census").Description("What it protects.").Resolve(c => c.Source.Census);
    }
}
