namespace CloudjetGraph.Core.Fields;

/// <summary>The grammar a personal field's value follows; see <see cref="Profiles.ProfileValueRules"/>.</summary>
internal enum PersonalValueRule
{
    /// <summary>Names and free text: visible characters, a letter or digit, well-placed combining marks.</summary>
    Text,

    /// <summary>An email address (<see cref="EmailAddressRule"/>), stored with a canonical domain.</summary>
    Email,

    /// <summary>A phone number (<see cref="PhoneNumberRule"/>).</summary>
    Phone,

    /// <summary>A handle: visible ASCII without spaces.</summary>
    Handle,
}
