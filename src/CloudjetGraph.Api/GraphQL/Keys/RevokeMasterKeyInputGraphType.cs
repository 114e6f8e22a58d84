using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>Which ring key to revoke.</summary>
internal sealed class RevokeMasterKeyInputGraphType : InputObjectGraphType
{
    public RevokeMasterKeyInputGraphType()
    {
        Name = "RevokeMasterKeyInput";
        Description = "The ring key to revoke.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The ring key's id, as `keys { masterKeys { id } }` shows it.");
        Field<BooleanGraphType>("force").Description("Revoke even though data keys are still under it: they become unreadable. Default false (KEY_IN_USE instead).");
    }
}
