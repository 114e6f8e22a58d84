using CloudjetGraph.Core.Protection;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>The data key purposes a custodian may rotate, named after the Cli's <c>--purpose</c> labels.</summary>
internal sealed class DataKeyPurposeLabelGraphType : EnumerationGraphType
{
    public DataKeyPurposeLabelGraphType()
    {
        Name = "DataKeyPurposeLabel";
        Description = "A data key purpose that can be rotated. The row-integrity key cannot: a new key would have to re-stamp every access tag, trusting rows as they are now.";

        // Only the rotatable purposes; the value names are the Cli's labels in GraphQL's convention, as in DataKeyPurpose.
        Add(LabelEnumerationGraphType.ValueName(DataKeyPurposeLabels.PersonKeyWrapping), DataKeyPurpose.PersonKeyWrapping, $"`{DataKeyPurposeLabels.PersonKeyWrapping}`: wraps the person keys; then start a REWRAP job.");
        Add(LabelEnumerationGraphType.ValueName(DataKeyPurposeLabels.BlindIndex), DataKeyPurpose.BlindIndex, $"`{DataKeyPurposeLabels.BlindIndex}`: computes the blind index; then start a REINDEX job.");
        Add(LabelEnumerationGraphType.ValueName(DataKeyPurposeLabels.TokenSigning), DataKeyPurpose.TokenSigning, $"`{DataKeyPurposeLabels.TokenSigning}`: signs access tokens; tokens signed by the old key stay valid until they expire.");
    }
}
