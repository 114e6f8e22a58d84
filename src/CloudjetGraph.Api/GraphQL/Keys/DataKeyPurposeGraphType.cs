using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>Every data key purpose by its label (<see cref="DataKeyPurposeLabels"/>), as an enum; the rotatable ones share their names with DataKeyPurposeLabel.</summary>
internal sealed class DataKeyPurposeGraphType : LabelEnumerationGraphType
{
    public DataKeyPurposeGraphType()
    {
        Name = "DataKeyPurpose";
        Description = "What a data key protects; each purpose has one active key.";
        AddLabel(DataKeyPurposeLabels.PersonKeyWrapping, $"`{DataKeyPurposeLabels.PersonKeyWrapping}`: wraps the person keys, under which every personal field is sealed.");
        AddLabel(DataKeyPurposeLabels.BlindIndex, $"`{DataKeyPurposeLabels.BlindIndex}`: computes the blind index for equality lookups (emails).");
        AddLabel(DataKeyPurposeLabels.TokenSigning, $"`{DataKeyPurposeLabels.TokenSigning}`: signs the gateway's own access tokens.");
        AddLabel(DataKeyPurposeLabels.RowIntegrity, $"`{DataKeyPurposeLabels.RowIntegrity}`: stamps the access tags that bind a profile's access-granting columns to its row; not rotatable.");
    }
}
