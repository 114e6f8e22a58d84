using System.Diagnostics.Metrics;

namespace CloudjetGraph.Core.Protection;

/// <summary>Counts sealing and opening of personal fields, so decryption work is observable.</summary>
public sealed class ProtectionMetrics
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "CloudjetGraph.Protection";

    /// <summary>Instrument counting values opened (decrypted).</summary>
    public const string FieldsOpenedInstrument = "cloudjet.protection.fields_opened";

    /// <summary>Instrument counting values sealed (encrypted).</summary>
    public const string FieldsSealedInstrument = "cloudjet.protection.fields_sealed";

    /// <summary>Instrument counting attempts to open a value under a disabled data key, tagged with the key and its purpose.</summary>
    public const string DisabledKeyUsesInstrument = "cloudjet.protection.disabled_key_uses";

    private readonly Counter<long> _opened;
    private readonly Counter<long> _disabledKeyUses;
    private readonly Counter<long> _sealed;

    /// <summary>Creates the instruments on the host's meter factory.</summary>
    public ProtectionMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _opened = meter.CreateCounter<long>(FieldsOpenedInstrument, description: "Personal field values decrypted.");
        _sealed = meter.CreateCounter<long>(FieldsSealedInstrument, description: "Personal field values encrypted.");
        _disabledKeyUses = meter.CreateCounter<long>(DisabledKeyUsesInstrument, description: "Values not opened because their data key is disabled.");
    }

    internal void Opened(string column) => _opened.Add(1, new KeyValuePair<string, object?>("column", column));

    internal void DisabledKeyUsed(Guid dataKeyId, string purpose) =>
        _disabledKeyUses.Add(1, new KeyValuePair<string, object?>("data_key", dataKeyId.ToString()), new KeyValuePair<string, object?>("purpose", purpose));

    internal void Sealed(string column) => _sealed.Add(1, new KeyValuePair<string, object?>("column", column));
}
