using CloudjetGraph.Api.Telemetry;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.ProfileRecords;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.GraphQL;

/// <summary>
/// A field refused with a coded <see cref="DomainException"/>: recorded when the trail keeps it (access
/// denials and the cap's refusals), and answered as the error at the field's path. A thrown refusal
/// reaches <see cref="Record"/> through the executor's unhandled-exception hook; the profile's
/// fields <see cref="Report"/> theirs without throwing, since a page past the cap or of withheld
/// fields refuses hundreds of fields and each thrown exception costs more than serving the field.
/// </summary>
internal static class FieldRefusals
{
    /// <summary>Records <paramref name="refusal"/> of <paramref name="field"/> in the request's audit ledger and, for an access denial, in the metrics.</summary>
    public static void Record(IResolveFieldContext field, DomainException refusal)
    {
        var services = field.RequestServices!;
        var caller = field.Caller();

        if (services.GetRequiredService<AuditLedger>().Refused(caller, TargetOf(field), refusal, (field.Source as Profile)?.Id))
        {
            services.GetRequiredService<GatewayMetrics>().Denied(caller.Role, field.FieldDefinition.Name);
        }
    }

    /// <summary>Records <paramref name="refusal"/> and adds its error at the field's path and location, as a thrown refusal would be answered.</summary>
    /// <returns>Null, the field's value.</returns>
    public static object? Report(IResolveFieldContext field, DomainException refusal)
    {
        Record(field, refusal);
        var error = new ExecutionError(refusal.Message, refusal) { Path = field.ResponsePath };
        error.AddLocation(field.FieldAst, field.Document);
        field.Errors.Add(error);
        return null;
    }

    /// <summary>Reports a read refused whole past the caller's personal-record cap, and records it as a denial.</summary>
    /// <returns>Null, the field's value.</returns>
    public static object? ReportPastCap(IResolveFieldContext field, DomainException refusal)
    {
        field.RequestServices!.GetRequiredService<AuditLedger>().RefusedPastCap(field.Caller(), TargetOf(field));
        return Report(field, refusal);
    }

    // The field's schema name, never the response name: an alias is the caller's text.
    private static string TargetOf(IResolveFieldContext field) => $"{field.ParentType.Name}.{field.FieldDefinition.Name}";
}
