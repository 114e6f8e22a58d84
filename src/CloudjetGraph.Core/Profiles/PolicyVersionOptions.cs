namespace CloudjetGraph.Core.Profiles;

/// <summary>
/// One version of the privacy policy, <c>Policy:Versions:{n}</c>: its name, the date it took effect,
/// and its text or the SHA-256 of its text (or both, which must agree). Validated at startup by
/// <see cref="PolicyVersionsParser"/>.
/// </summary>
public sealed class PolicyVersionOptions
{
    /// <summary>The version's name, what <c>signUp</c> and <c>acceptPolicy</c> take (e.g. <c>2019-04-22</c>).</summary>
    public string Version { get; set; } = string.Empty;

    /// <summary>The date it took effect; in force from 00:00 UTC that day.</summary>
    public DateOnly EffectiveDate { get; set; }

    /// <summary>The text as published, when the gateway serves it; null when only its hash is kept here.</summary>
    public string? Text { get; set; }

    /// <summary>SHA-256 of the text's UTF-8 bytes, 64 lowercase hex digits; computed from <see cref="Text"/> when left out.</summary>
    public string? Sha256 { get; set; }
}
