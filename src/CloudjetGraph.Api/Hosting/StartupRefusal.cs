using System.Reflection;
using CloudjetGraph.Core.Errors;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.Hosting;

/// <summary>
/// Turns a startup refusal (a bad setting, an unusable key ring) into one line on standard error
/// and exit code <see cref="ExitCode"/>, instead of the runtime's crash report with a stack trace
/// that buries the setting to fix. Other exceptions keep their full report: they are bugs.
/// </summary>
internal static class StartupRefusal
{
    /// <summary>EX_CONFIG of sysexits.h: the configuration is wrong, so restarting alone will not help.</summary>
    public const int ExitCode = 78;

    private static int _registered;

    /// <summary>
    /// Prints a refusal that escapes <c>Main</c> as one line and exits. Inside a test host the
    /// entry point's exception reaches the host factory instead, so it never arrives here.
    /// </summary>
    public static void ExitWithOneLineWhenUnhandled()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            AppDomain.CurrentDomain.UnhandledException += (_, args) =>
            {
                if (args.ExceptionObject is Exception exception && Describe(exception) is { } reason)
                {
                    Console.Error.WriteLine($"Startup refused: {reason}");
                    Environment.Exit(ExitCode);
                }
            };
        }
    }

    /// <summary>The refusal's reason on one line, naming the setting; null when the exception is no refusal.</summary>
    public static string? Describe(Exception exception)
    {
        var reasons = exception is AggregateException aggregate
            ? aggregate.Flatten().InnerExceptions.Select(ReasonOf).ToList()
            : [ReasonOf(exception)];
        return reasons.Count > 0 && reasons.All(reason => reason is not null)
            ? string.Join("; ", reasons).ReplaceLineEndings(" ")
            : null;
    }

    private static string? ReasonOf(Exception exception) => exception switch
    {
        KeyRingUnavailableException => exception.Message,
        OptionsValidationException invalid => string.Join("; ", invalid.Failures.Select(failure => NamingTheSection(invalid.OptionsType, failure))),
        _ => null,
    };

    // Data-annotation failures name the property only ("MaxPageSize"); prefix the section so the
    // line names the whole key an operator sets ("GraphQL: ... MaxPageSize ...").
    private static string NamingTheSection(Type optionsType, string failure) =>
        optionsType.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() is string section
        && !failure.Contains(section + ":", StringComparison.Ordinal)
            ? $"{section}: {failure}"
            : failure;
}
