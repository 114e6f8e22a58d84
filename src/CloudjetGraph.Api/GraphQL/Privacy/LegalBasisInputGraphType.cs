using CloudjetGraph.Core.Privacy;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>The legal basis of a disclosure to an authority: three identifiers, no free text (<see cref="LegalBasis"/>).</summary>
internal sealed class LegalBasisInputGraphType : InputObjectGraphType
{
    public LegalBasisInputGraphType()
    {
        Name = "LegalBasisInput";
        Description = "The legal basis of a disclosure to an authority, recorded with it forever: three identifiers with fixed shapes, so no free text (and no personal value) reaches the record. A part missing or of another shape is VALIDATION naming it.";

        // Nullable, so that a missing part is the same VALIDATION as a malformed one, naming the part.
        Field<StringGraphType>("law").Description("The law or decree's number: digits/year/issuer, e.g. 91/2025/QH15 or 356/2025/NĐ-CP.");
        Field<StringGraphType>("article").Description("The provision: Article (or Điều) and its number, optionally a clause and a point, e.g. Article 17(2)(b).");
        Field<StringGraphType>("requestReference").Description($"The authority's request (its dispatch number): 1 to {RequestReference.MaxLength} ASCII letters, digits and -_./:#.");
    }
}
