using CloudjetGraph.Core.Errors;

namespace CloudjetGraph.Core.Profiles;

/// <summary>What <see cref="ProfileRelease"/> answered for one field: its value as released, or the coded refusal, not thrown.</summary>
/// <param name="Value">The value as released (masked when the grant is masked); null when refused or absent.</param>
/// <param name="Refusal">The refusal, when the field was refused; nothing was opened then.</param>
public readonly record struct FieldRelease(string? Value, DomainException? Refusal);
