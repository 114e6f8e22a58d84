using CloudjetGraph.Core.Keys;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>A key of the Data Protection ring, as the census shows it.</summary>
internal sealed class MasterKeyGraphType : ObjectGraphType<MasterKeyEntry>
{
    public MasterKeyGraphType()
    {
        Name = "MasterKey";
        Description = "A key of the Data Protection ring, which wraps the data keys.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The ring key's id, also written into the header of every payload it protects.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("created").Description("When it was created.").Resolve(c => c.Source.Created);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("activation").Description("From when Data Protection may use it for new payloads.").Resolve(c => c.Source.Activation);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiration").Description("After when Data Protection no longer uses it for new payloads.").Resolve(c => c.Source.Expiration);
        Field<NonNullGraphType<BooleanGraphType>>("revoked").Description("Whether it was revoked.").Resolve(c => c.Source.Revoked);
        Field<NonNullGraphType<BooleanGraphType>>("default").Description("Whether Data Protection would wrap new data keys with it now.").Resolve(c => c.Source.Default);
        Field<NonNullGraphType<MasterKeyCensusGraphType>>("census").Description("What it protects.").Resolve(c => c.Source.Census);
    }
}
