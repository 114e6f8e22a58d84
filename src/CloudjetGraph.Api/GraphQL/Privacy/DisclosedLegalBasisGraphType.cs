using CloudjetGraph.Core.Audit;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>The legal basis of a disclosure as its person sees it: the law and the provision, never the authority's request reference.</summary>
internal sealed class DisclosedLegalBasisGraphType : ObjectGraphType<AuthorityDisclosure>
{
    public DisclosedLegalBasisGraphType()
    {
        Name = "DisclosedLegalBasis";
        Description = "The law and provision a disclosure of your profile to an authority rested on. The authority's request reference is not shown: it identifies the authority's case, which is theirs to disclose.";
        Field<NonNullGraphType<StringGraphType>>("law").Description("The law's number, such as 91/2025/QH15.").Resolve(c => c.Source.Law);
        Field<NonNullGraphType<StringGraphType>>("article").Description("The provision, such as Article 17(2)(b).").Resolve(c => c.Source.Article);
    }
}
