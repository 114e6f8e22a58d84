using System.Linq.Expressions;
using CloudjetGraph.Core.KeyRing;

namespace CloudjetGraph.Core.Keys.Lifecycle;

/// <summary>
/// The rows in one state, as a query filter matching <see cref="DataKeyStates.StateOf"/>: a state
/// change updates only a row still in the state it was read in, so of two racing changes one wins
/// and the other finds nothing to update.
/// </summary>
internal static class DataKeyStateFilter
{
    public static Expression<Func<DataKey, bool>> In(DataKeyState state) => state switch
    {
        DataKeyState.Active => k => k.DestroyedAt == null && k.DestroyAfter == null && k.DisabledAt == null && k.IsActive,
        DataKeyState.DecryptOnly => k => k.DestroyedAt == null && k.DestroyAfter == null && k.DisabledAt == null && !k.IsActive,
        DataKeyState.Disabled => k => k.DestroyedAt == null && k.DestroyAfter == null && k.DisabledAt != null,
        DataKeyState.ScheduledForDestruction => k => k.DestroyedAt == null && k.DestroyAfter != null,
        DataKeyState.Destroyed => k => k.DestroyedAt != null,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No stored key is in this state."),
    };
}
