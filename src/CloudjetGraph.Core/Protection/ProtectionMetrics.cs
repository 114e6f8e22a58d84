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

    private readonly Counter<long> _opened;
    private readonly Counter<long> _sealed;

    /// <summary>Creates the instruments on the host's meter factory.</summary>
    public ProtectionMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _opened = meter.CreateCounter<long>(FieldsOpenedInstrument, description: "Personal field values decrypted.");
        _sealed = meter.CreateCounter<long>(FieldsSealedInstrument, description: "Personal field values encrypted.");
    }

    internal void Opened(string column) => _opened.Add(1, new KeyValuePair<string, object?>("column", column));

    internal void Sealed(string column) => _sealed.Add(1, new KeyValuePair<string, object?>("column", column));
}
