using CloudjetGraph.Core.Fields;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>Staff corrections to a profile on request: the editable fields of the catalogue.</summary>
internal sealed class CorrectProfileInputGraphType : InputObjectGraphType
{
    public CorrectProfileInputGraphType()
    {
        Name = "CorrectProfileInput";
        Description = "Corrections to a profile on the customer's request. A field left out stays as it is; null clears an optional field; at least one field.";
        foreach (var descriptor in PersonalFieldCatalogue.Editable)
        {
            Field<StringGraphType>(descriptor.SchemaName).Description(descriptor.EditDescription);
        }
    }
}
