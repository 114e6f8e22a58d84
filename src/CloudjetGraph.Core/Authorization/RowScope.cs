namespace CloudjetGraph.Core.Authorization;

/// <summary>Which profiles a role reaches at all; others answer as if they did not exist.</summary>
public enum RowScope
{
    /// <summary>No profile.</summary>
    None,

    /// <summary>Only the caller's own profile.</summary>
    Own,

    /// <summary>Profiles of organisations assigned to the caller.</summary>
    AssignedOrganizations,

    /// <summary>Every profile.</summary>
    All,
}
