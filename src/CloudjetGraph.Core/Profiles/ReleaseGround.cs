namespace CloudjetGraph.Core.Profiles;

/// <summary>Why fields of a profile are released, which decides whether a restriction of processing withholds them.</summary>
public enum ReleaseGround
{
    /// <summary>Ordinary processing (reads by staff or the owner): a restriction withholds the personal fields from staff.</summary>
    Processing,

    /// <summary>A disclosure the law requires (an authority's request): a restriction does not stop it.</summary>
    LegalObligation,
}
