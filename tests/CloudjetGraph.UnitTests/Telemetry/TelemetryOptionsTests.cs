using System.ComponentModel.DataAnnotations;
using CloudjetGraph.Api.Telemetry;

namespace CloudjetGraph.UnitTests.Telemetry;

public sealed class TelemetryOptionsTests
{
    [Theory]
    [InlineData("", true)]
    [InlineData("http://otel-collector:4317", true)]
    [InlineData("https://otel.example.vn", true)]
    [InlineData("otel-collector:4317", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("/relative", false)]
    public void Validate_OtlpEndpoint_AcceptsOnlyEmptyOrAnAbsoluteHttpAddress(string endpoint, bool valid)
    {
        var options = new TelemetryOptions { OtlpEndpoint = endpoint };
        var results = new List<ValidationResult>();

        var accepted = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.Equal(valid, accepted);
        Assert.All(results, result => Assert.Contains("Telemetry:OtlpEndpoint", result.ErrorMessage, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "kpi-web", "kpi.mobile_2" }, true)]
    [InlineData(new[] { "kpi web" }, false)]
    [InlineData(new[] { "other" }, false)]
    [InlineData(new[] { "Unknown" }, false)]
    [InlineData(new[] { "" }, false)]
    public void Validate_KnownClients_AcceptsOnlyShortSafeNames(string[] names, bool valid)
    {
        var options = new TelemetryOptions();
        foreach (var name in names)
        {
            options.KnownClients.Add(name);
        }

        var results = new List<ValidationResult>();

        var accepted = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.Equal(valid, accepted);
        Assert.All(results, result => Assert.Contains("Telemetry:KnownClients", result.ErrorMessage, StringComparison.Ordinal));
    }
}
