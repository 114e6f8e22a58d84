using CloudjetGraph.Core.Keys;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>The key census for custodians: ids, dates, states and counts only, never a value or a key.</summary>
internal sealed class KeyInventoryGraphType : ObjectGraphType<KeyInventory>
{
    public KeyInventoryGraphType()
    {
        Name = "KeyInventory";
        Description = "Every key and how many stored values each protects, counted from headers without decrypting anything (the same data as `cloudjet keys list`).";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MasterKeyGraphType>>>>("masterKeys")
            .Description("The Data Protection ring's keys, oldest first.").Resolve(c => c.Source.MasterKeys);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DataKeyGraphType>>>>("dataKeys")
            .Description("The data keys, oldest first.").Resolve(c => c.Source.DataKeys);
        Field<NonNullGraphType<UnattributedValuesGraphType>>("unattributed")
            .Description("Stored values that no listed key accounts for; anything here deserves a look.").Resolve(c => c.Source.Unattributed);
        Field<NonNullGraphType<LongGraphType>>("personKeysWithoutValues")
            .Description("Person keys that no stored value names: a rekey's between its steps, or keys whose profile is gone (`cloudjet keys sweep` removes those).")
            .Resolve(c => c.Source.PersonKeysWithoutValues);
    }
}
