using System.Diagnostics;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Protection;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.KeyRing;

/// <summary>
/// Lets a running gateway pick up key changes made by the custodian tool or another instance: every
/// <see cref="ProtectionOptions.RefreshInterval"/> it has Data Protection re-read the ring (a new or
/// revoked master key), then reloads the data keys into <see cref="DataKeyRing"/> (a rotated or
/// destroyed data key). A refresh that fails keeps the keys already loaded. Runs only in a host that
/// starts, i.e. the gateway; the custodian tool never starts its host.
/// </summary>
public sealed partial class KeyRingRefresher(
    IServiceScopeFactory scopes,
    RefreshableKeyManager keyManager,
    IKeyRingProvider keyRingProvider,
    DataKeyRing dataKeys,
    IOptions<ProtectionOptions> options,
    TimeProvider time,
    ILogger<KeyRingRefresher> logger) : BackgroundService
{
    // Data Protection re-reads the ring in the background and serves the cached one meanwhile;
    // a read of the ring folder takes milliseconds, so this bound is only for a stuck file system.
    private static readonly TimeSpan RingReadTimeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan RingReadPoll = TimeSpan.FromMilliseconds(20);

    // A value naming an unknown key refreshes at most this often, so forged ids cannot make every
    // request re-read the ring.
    private static readonly TimeSpan OnDemandSpacing = TimeSpan.FromSeconds(5);

    private long _lastOnDemand;

    private KeysInUse? _keysInUse;

    /// <summary>Re-reads the ring and the data keys once; on failure logs a warning and keeps the loaded keys.</summary>
    /// <returns>Whether the refresh succeeded.</returns>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            // The data keys' load also reads the recorded revocations; one recorded by another
            // process whose file was never written reaches the ring at the refresh after.
            await RefreshRingAsync(cancellationToken);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<KeyRingBootstrapper>().LoadExistingAsync(cancellationToken);
            NoteKeysInUse();
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Whatever went wrong (a ring file unreadable, a certificate gone, the database locked),
            // the keys loaded before still serve; the next refresh tries again.
            // Only our own refusals' text is logged: a library's (XML, cryptography) may quote the ring.
            LogRefreshFailed(logger, exception.GetType().Name, exception is KeyRingUnavailableException ? exception.Message : "details withheld");
            return false;
        }
    }

    /// <summary>
    /// Refreshes now because a stored value names a data key that is not loaded (another instance
    /// may have rotated it), unless an on-demand refresh ran within the last few seconds.
    /// </summary>
    /// <returns>Whether a refresh ran and succeeded.</returns>
    public async Task<bool> RefreshForUnknownKeyAsync(CancellationToken cancellationToken)
    {
        var last = Interlocked.Read(ref _lastOnDemand);
        var now = time.GetTimestamp();
        if (last != 0 && time.GetElapsedTime(last, now) < OnDemandSpacing)
        {
            return false;
        }

        // One caller of many wins the slot; the others go on with the keys they have.
        return Interlocked.CompareExchange(ref _lastOnDemand, now, last) == last && await RefreshAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (dataKeys.IsLoaded)
        {
            NoteKeysInUse();
        }

        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RefreshAsync(stoppingToken);
        }
    }

    // Logged once as the gateway starts serving, then whenever a refresh changes it. Only
    // information: a ring that cannot be listed now is left to the next refresh to report.
    private void NoteKeysInUse()
    {
        KeysInUse now;
        try
        {
            now = KeysInUse.Of(keyManager, keyRingProvider, dataKeys);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return;
        }

        if (Interlocked.Exchange(ref _keysInUse, now) != now)
        {
            LogKeysInUse(logger, now.DefaultRingKey, now.RingKeys, now.ActiveDataKeys);
        }
    }

    private async Task RefreshRingAsync(CancellationToken cancellationToken)
    {
        var cached = keyRingProvider.GetCurrentKeyRing();
        keyManager.ExpireCachedRing();
        var started = Stopwatch.GetTimestamp();

        // The first call after expiry starts the re-read and returns the cached ring; a later one
        // returns the new ring, or throws what the re-read threw.
        while (ReferenceEquals(keyRingProvider.GetCurrentKeyRing(), cached))
        {
            if (Stopwatch.GetElapsedTime(started) > RingReadTimeout)
            {
                throw new KeyRingUnavailableException($"The key ring was not re-read within {RingReadTimeout.TotalSeconds} s.");
            }

            await Task.Delay(RingReadPoll, cancellationToken);
        }
    }

    [LoggerMessage(EventId = 1030, EventName = "KeysInUse", Level = LogLevel.Information, Message = "This instance now writes under ring key {DefaultRingKey} and data keys {ActiveDataKeys}; ring keys held: {RingKeys}.")]
    private static partial void LogKeysInUse(ILogger logger, Guid defaultRingKey, string ringKeys, string activeDataKeys);

    [LoggerMessage(EventId = 1027, EventName = "KeyRingRefreshFailed", Level = LogLevel.Warning, Message = "Refreshing the key ring and data keys failed ({ErrorType}: {Reason}); the keys loaded before keep serving.")]
    private static partial void LogRefreshFailed(ILogger logger, string errorType, string reason);
}
