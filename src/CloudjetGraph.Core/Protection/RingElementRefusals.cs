namespace CloudjetGraph.Core.Protection;

/// <summary>
/// The ring elements refused at the last read of the ring folder, for the readiness check; and
/// which of them are new since, so each is logged once rather than at every refresh.
/// </summary>
public sealed class RingElementRefusals
{
    private readonly Lock _gate = new();
    private IReadOnlyList<UnauthenticatedRingElement> _current = [];

    /// <summary>The elements refused at the last read; empty when every element was authenticated.</summary>
    public IReadOnlyList<UnauthenticatedRingElement> Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Records the refusals of a read; returns those the previous read did not have.</summary>
    public IReadOnlyList<UnauthenticatedRingElement> Record(IReadOnlyList<UnauthenticatedRingElement> refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        lock (_gate)
        {
            var previous = _current;
            _current = refused;
            return refused.Where(element => !previous.Contains(element)).ToList();
        }
    }
}
