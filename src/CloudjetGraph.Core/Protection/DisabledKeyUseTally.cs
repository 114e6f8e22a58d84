namespace CloudjetGraph.Core.Protection;

/// <summary>Attempts to open values under one disabled data key within one recording interval.</summary>
/// <param name="Key">The disabled key.</param>
/// <param name="Count">How many values were not opened.</param>
/// <param name="First">The first attempt.</param>
/// <param name="Last">The latest attempt.</param>
internal sealed record DisabledKeyUseTally(DisabledDataKey Key, long Count, DateTimeOffset First, DateTimeOffset Last);
