namespace CloudjetGraph.Core.Fields;

/// <summary>The fields of a profile, as named in the schema and in the matrix configuration.</summary>
public enum ProfileField
{
    /// <summary>Profile id.</summary>
    Id,

    /// <summary>The organisation.</summary>
    Organization,

    /// <summary>Full name (sealed).</summary>
    FullName,

    /// <summary>Contact email (sealed).</summary>
    Email,

    /// <summary>Phone (sealed).</summary>
    Phone,

    /// <summary>Skype handle (sealed).</summary>
    Skype,

    /// <summary>Department (sealed).</summary>
    Department,

    /// <summary>Job title (sealed).</summary>
    JobTitle,

    /// <summary>Login email (sealed).</summary>
    LoginEmail,

    /// <summary>Consent record.</summary>
    Consent,

    /// <summary>Creation time.</summary>
    CreatedAt,

    /// <summary>Last change time.</summary>
    UpdatedAt,
}
