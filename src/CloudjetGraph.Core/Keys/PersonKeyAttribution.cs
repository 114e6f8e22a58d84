using System.Threading.Channels;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Keys;

/// <summary>
/// Attributes sealed value headers to the data key that wraps the person key each names, a batch at
/// a time, on its own thread while the census goes on scanning: the profile scan and the key store
/// lookups take about as long as each other, and each has a core. At most two batches wait, so
/// memory stays a few batches however many profiles there are.
/// </summary>
internal sealed class PersonKeyAttribution
{
    private readonly Channel<List<byte[]>> _batches = Channel.CreateBounded<List<byte[]>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
    private readonly Task<long> _attributing;

    /// <summary>Starts attributing into <paramref name="tally"/>; a null <paramref name="keyStore"/> (not created yet) attributes nothing.</summary>
    public PersonKeyAttribution(KeyStoreDbContext? keyStore, IReadOnlyDictionary<Guid, DataKeyPurpose> purposes, HeaderTally tally, CancellationToken cancellationToken)
    {
        _attributing = Task.Run(() => AttributeAllAsync(keyStore, purposes, tally, cancellationToken), cancellationToken);
    }

    /// <summary>Queues the headers of a batch of profiles; waits while two batches are queued.</summary>
    public async Task AddAsync(List<byte[]> headers, CancellationToken cancellationToken)
    {
        try
        {
            await _batches.Writer.WriteAsync(headers, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            // The attribution failed: its own exception says why.
            await _attributing;
            throw;
        }
    }

    /// <summary>Waits for every queued batch; returns how many person keys of the key store the headers name.</summary>
    public Task<long> CompleteAsync()
    {
        _batches.Writer.TryComplete();
        return _attributing;
    }

    /// <summary>Ends the attribution after the scan failed; whatever it threw gives way to the scan's failure, which the caller rethrows.</summary>
    public async Task AbandonAsync()
    {
        _batches.Writer.TryComplete();
        await ((Task)_attributing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task<long> AttributeAllAsync(KeyStoreDbContext? keyStore, IReadOnlyDictionary<Guid, DataKeyPurpose> purposes, HeaderTally tally, CancellationToken cancellationToken)
    {
        try
        {
            var named = 0L;
            await foreach (var headers in _batches.Reader.ReadAllAsync(cancellationToken))
            {
                named += await AttributeAsync(headers, keyStore, purposes, tally, cancellationToken);
            }

            return named;
        }
        catch (Exception exception)
        {
            _batches.Writer.TryComplete(exception);
            throw;
        }
    }

    // A person key belongs to one profile, so the keys one batch names are named by no other batch
    // (a value copied from another profile's row aside, which its binding never lets open).
    private static async Task<long> AttributeAsync(
        List<byte[]> headers, KeyStoreDbContext? keyStore, IReadOnlyDictionary<Guid, DataKeyPurpose> purposes, HeaderTally tally, CancellationToken cancellationToken)
    {
        var ids = headers.Select(header => SealedValueFormat.TryReadKeyId(header, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();
        var wrappingKeys = keyStore is null || ids.Count == 0
            ? []
            : await keyStore.PersonKeys.AsNoTracking().Where(k => ids.Contains(k.Id)).Select(k => new { k.Id, k.WrappingKeyId }).ToDictionaryAsync(k => k.Id, k => k.WrappingKeyId, cancellationToken);
        foreach (var header in headers)
        {
            var attributed = SealedValueFormat.TryReadKeyId(header, out var personKeyId)
                && wrappingKeys.TryGetValue(personKeyId, out var wrappingKeyId)
                && purposes.GetValueOrDefault(wrappingKeyId) == DataKeyPurpose.PersonKeyWrapping;
            tally.Add(header, 1, attributed ? wrappingKeys[personKeyId] : null);
        }

        return wrappingKeys.Count;
    }
}
