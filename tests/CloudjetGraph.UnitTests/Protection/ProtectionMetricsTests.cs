using System.Diagnostics.Metrics;
using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.UnitTests.Protection;

public sealed class ProtectionMetricsTests : IDisposable
{
    private readonly TestKeys _keys = new();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, long Value, string? Column)> _measurements = [];

    public ProtectionMetricsTests()
    {
        // Only this test's meter factory: other tests seal on their own meters in parallel.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ProtectionMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, _keys.MeterFactory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? column = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "column")
                {
                    column = tag.Value as string;
                }
            }

            lock (_measurements)
            {
                _measurements.Add((instrument.Name, value, column));
            }
        });
        _listener.Start();
    }

    [Fact]
    public void SealAndOpen_Values_CountedPerColumn()
    {
        var email = TestKeys.NewBinding("email");
        var phone = TestKeys.NewBinding("phone");

        var sealedEmail = _keys.Cipher.Seal("an@saomaiviet.vn", _keys.KeyFor(email), email);
        _ = _keys.Cipher.Seal("+84 912 345 678", _keys.KeyFor(phone), phone);
        _ = _keys.Cipher.Open(sealedEmail, _keys.KeyFor(email), email);

        Assert.Equal(
            [
                (ProtectionMetrics.FieldsSealedInstrument, 1L, "email"),
                (ProtectionMetrics.FieldsSealedInstrument, 1L, "phone"),
                (ProtectionMetrics.FieldsOpenedInstrument, 1L, "email"),
            ],
            _measurements);
    }

    [Fact]
    public void Open_TamperedValue_IsNotCountedAsOpened()
    {
        var binding = TestKeys.NewBinding("email");
        var sealedValue = _keys.Cipher.Seal("an@saomaiviet.vn", _keys.KeyFor(binding), binding);
        sealedValue[^1] ^= 0x01;

        Assert.Throws<FieldIntegrityException>(() => _keys.Cipher.Open(sealedValue, _keys.KeyFor(binding), binding));

        Assert.DoesNotContain(_measurements, m => m.Instrument == ProtectionMetrics.FieldsOpenedInstrument);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _keys.Dispose();
    }
}
