using CloudjetGraph.Core.Fields;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Profiles;

/// <summary>An owner's changes to their own profile: the editable fields of the catalogue.</summary>
internal sealed class UpdateMyProfileInputGraphType : InputObjectGraphType
{
    public UpdateMyProfileInputGraphType()
    {
        Name = "UpdateMyProfileInput";
        Description = "Changes to your own profile. A field left out stays as it is; null clears an optional field.";
        foreach (var descriptor in PersonalFieldCatalogue.Editable)
        {
            Field<StringGraphType>(descriptor.SchemaName).Description(descriptor.EditDescription);
        }
    }
}
