namespace CloudjetGraph.Core.Authorization;

/// <summary>The roles of the field matrix. Configuration names them in camelCase.</summary>
public enum Role
{
    /// <summary>No valid token.</summary>
    Anonymous,

    /// <summary>The person the profile belongs to.</summary>
    Owner,

    /// <summary>Cloudjet's management board.</summary>
    Management,

    /// <summary>Sales department, limited to assigned organisations.</summary>
    Sales,

    /// <summary>Customer care, limited to assigned organisations.</summary>
    Support,

    /// <summary>Key custodians: manage keys, never read personal data.</summary>
    KeyCustodian,
}
