using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>The revoked ring key and what it left unreadable.</summary>
internal sealed class RevokeMasterKeyPayloadGraphType : ObjectGraphType<RevokeMasterKeyPayload>
{
    public RevokeMasterKeyPayloadGraphType()
    {
        Name = "RevokeMasterKeyPayload";
        Description = "The revoked ring key. Revocation is a record in the ring, not a deletion.";
        Field<NonNullGraphType<IdGraphType>>("masterKeyId").Description("The revoked ring key.").Resolve(c => c.Source.MasterKeyId);
        Field<NonNullGraphType<IntGraphType>>("dataKeysLeftUnreadable")
            .Description("Data keys still under it, which no longer unwrap; non-zero only when forced.")
            .Resolve(c => c.Source.DataKeysLeftUnreadable);
    }
}
