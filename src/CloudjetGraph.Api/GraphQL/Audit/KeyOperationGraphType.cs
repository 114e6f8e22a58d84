using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Audit;

/// <summary>One recorded custodian operation; its text is written by the gateway's own code, never taken from stored data.</summary>
internal sealed class KeyOperationGraphType : ObjectGraphType<AuditEntry>
{
    public KeyOperationGraphType()
    {
        Name = "KeyOperation";
        Description = "One recorded key custodian operation: who, what, when, on which key, and how it ended. Holds no personal value, key material or ciphertext.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The order of recording; ids are never reused.").Resolve(c => c.Source.Sequence);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Description("When it ended.").Resolve(c => c.Source.At);
        Field<NonNullGraphType<StringGraphType>>("actorSubject").Description("Who: the token subject, or the operating system user for the custodian tool.").Resolve(c => c.Source.ActorSubject);
        Field<NonNullGraphType<StringGraphType>>("actorRole").Description($"The actor's role, `keyCustodian`, or `{OperationActor.CliRole}` for the custodian tool.").Resolve(c => c.Source.ActorRole);
        Field<NonNullGraphType<StringGraphType>>("operation")
            .Description(
                $"What: `{CustodianOperationNames.Init}`, `{CustodianOperationNames.RotateMaster}`, `{CustodianOperationNames.RewrapDataKeys}`, `{CustodianOperationNames.RevokeMaster}`, "
                + $"`{CustodianOperationNames.RotateData}`, `{CustodianOperationNames.DestroyData}`, or a key job run: `{CustodianOperationNames.Rewrap}`, `{CustodianOperationNames.Rekey}`, `{CustodianOperationNames.Reindex}`, or `{CustodianOperationNames.Sweep}`.")
            .DeprecationReason(LabelFieldDeprecation.UseInstead("kind"))
            .Resolve(c => c.Source.Operation);
        Field<NonNullGraphType<KeyOperationKindGraphType>>("kind").Description("What it did.").Resolve(c => c.Source.Operation);
        Field<NonNullGraphType<StringGraphType>>("target").Description("The keys it concerned: ids and scope.").Resolve(c => c.Source.Target);
        Field<NonNullGraphType<StringGraphType>>("outcome")
            .Description($"`{OperationOutcomes.Succeeded}`, `{OperationOutcomes.Refused}` (a rule refused it; nothing changed) or `{OperationOutcomes.Failed}` (an unexpected error; see the log).")
            .DeprecationReason(LabelFieldDeprecation.UseInstead("result"))
            .Resolve(c => c.Source.Outcome);
        Field<NonNullGraphType<OperationOutcomeGraphType>>("result").Description("How it ended.").Resolve(c => c.Source.Outcome);
        Field<NonNullGraphType<StringGraphType>>("detail").Description("What it did, or why it was refused: ids and counts.").Resolve(c => c.Source.Detail);
    }
}
