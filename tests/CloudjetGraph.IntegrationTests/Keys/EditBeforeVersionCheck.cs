using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CloudjetGraph.IntegrationTests.Keys;

/// <summary>
/// Runs a concurrent edit just before a rekey batch reads its profiles' versions back (the read of
/// <c>Id</c> and <c>Version</c> alone, after its move and before it deletes old keys): the window
/// the version guard exists for.
/// </summary>
internal sealed class EditBeforeVersionCheck(Func<Task> edit) : DbCommandInterceptor
{
    public bool Fired { get; private set; }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        var text = command.CommandText;
        if (!Fired
            && text.Contains("FROM \"Profiles\"", StringComparison.Ordinal)
            && text.Contains("\"Version\"", StringComparison.Ordinal)
            && !text.Contains("\"AccessTag\"", StringComparison.Ordinal))
        {
            Fired = true;
            await edit();
        }

        return result;
    }
}
