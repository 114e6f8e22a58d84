namespace CloudjetGraph.Core.Authorization;

/// <summary>What a role may do with one profile field. Each level includes the ones before it.</summary>
public enum FieldAccess
{
    /// <summary>The field resolves to null with an authorization error, and is never decrypted.</summary>
    None,

    /// <summary>Only a hint of the value (phone: the last 3 digits).</summary>
    Masked,

    /// <summary>The whole value.</summary>
    Read,

    /// <summary>Read, and change through a mutation.</summary>
    Edit,
}
