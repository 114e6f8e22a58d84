using System.Reflection;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.UnitTests.Telemetry;

/// <summary>
/// Operators filter and alert on log event ids: two messages sharing one would page for the wrong
/// thing, so every <see cref="LoggerMessageAttribute"/> of the gateway's assemblies has its own.
/// </summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void GatewayLogMessages_EachHaveTheirOwnEventIdAndName()
    {
        Assembly[] assemblies = [typeof(Core.CloudjetInitializer).Assembly, typeof(Program).Assembly];
        var messages = assemblies
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(method => (Method: $"{method.DeclaringType!.Name}.{method.Name}", Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(message => message.Attribute is not null)
            .ToList();

        Assert.True(messages.Count > 20, $"Only {messages.Count} log messages found: the scan no longer sees them.");
        Assert.Empty(messages.GroupBy(message => message.Attribute!.EventId).Where(shared => shared.Count() > 1).Select(shared => $"{shared.Key}: {string.Join(", ", shared.Select(m => m.Method))}"));
        Assert.Empty(messages.Where(message => message.Attribute!.EventName is not null).GroupBy(message => message.Attribute!.EventName).Where(shared => shared.Count() > 1).Select(shared => $"{shared.Key}: {string.Join(", ", shared.Select(m => m.Method))}"));
    }
}
