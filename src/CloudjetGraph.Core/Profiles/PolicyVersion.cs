namespace CloudjetGraph.Core.Profiles;

/// <summary>A validated version of the privacy policy.</summary>
/// <param name="Version">Its name, as owners accept it.</param>
/// <param name="EffectiveDate">The date it took effect.</param>
/// <param name="Text">Its text, when configured.</param>
/// <param name="Sha256">SHA-256 of its text, lowercase hex.</param>
public sealed record PolicyVersion(string Version, DateOnly EffectiveDate, string? Text, string Sha256)
{
    /// <summary>The moment it took effect: 00:00 UTC on <see cref="EffectiveDate"/>.</summary>
    public DateTimeOffset InForceFrom => new(EffectiveDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
