using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>When a new ring key becomes the default.</summary>
internal sealed class RotateMasterKeyInputGraphType : InputObjectGraphType
{
    /// <summary>A year and a day: the current ring key expires within a year, so staging further ahead is a slip, not a plan.</summary>
    public const int MaxActivateInSeconds = 366 * 24 * 60 * 60;

    public RotateMasterKeyInputGraphType()
    {
        Name = "RotateMasterKeyInput";
        Description = "When the new ring key becomes the default.";
        Field<IntGraphType>("activateInSeconds")
            .Description($"Seconds until the new key becomes the default (pre-staging), 0 to {MaxActivateInSeconds}; default 0, which also re-wraps the data keys at once. With several gateways, at least their ring refresh interval.");
    }
}
