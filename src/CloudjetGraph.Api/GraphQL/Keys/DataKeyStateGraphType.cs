using CloudjetGraph.Core.Keys;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>The data key states of <see cref="DataKeyStates"/>, as an enum.</summary>
internal sealed class DataKeyStateGraphType : LabelEnumerationGraphType
{
    public DataKeyStateGraphType()
    {
        Name = "DataKeyState";
        Description = "Where a data key is in its life: what is written and what opens under it.";
        AddLabel(DataKeyStates.PreStaged, $"`{DataKeyStates.PreStaged}`: made ahead of its activation so every gateway has it first; rotations today activate at once, so no key shows it yet.");
        AddLabel(DataKeyStates.Active, $"`{DataKeyStates.Active}`: new values of its purpose are written with it.");
        AddLabel(DataKeyStates.DecryptOnly, $"`{DataKeyStates.DecryptOnly}`: kept to read what it protects; nothing new is written with it.");
        AddLabel(DataKeyStates.Disabled, $"`{DataKeyStates.Disabled}`: nothing opens under it (KEY_DISABLED at each field) and every attempt is recorded; enableDataKey undoes it.");
        AddLabel(DataKeyStates.ScheduledForDestruction, $"`{DataKeyStates.ScheduledForDestruction}`: disabled, and destroyable by destroyDataKey once its waiting period has passed; cancelDataKeyDestruction undoes it.");
        AddLabel(DataKeyStates.Destroyed, $"`{DataKeyStates.Destroyed}`: its bytes were overwritten; the row only names it.");
    }
}
