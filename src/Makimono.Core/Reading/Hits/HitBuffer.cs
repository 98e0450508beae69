using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Makimono.Reading.Hits;

/// <summary>
/// The visits of this node's work pages since the last flush, in memory: a page view costs a set insert, never a
/// database write. The same visitor reloading a work is held once. <see cref="HitService"/> writes the visits in
/// batches; the database decides which of them are new hits, so what each node holds needs no agreement between nodes.
/// </summary>
public sealed class HitBuffer(IOptions<HitOptions> options, ILogger<HitBuffer> log) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _batchReady = new(0, 1);
    private HashSet<HitVisit> _visits = [];
    private long _dropped;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _visits.Count;
            }
        }
    }

    public void Add(HitVisit visit)
    {
        bool full;
        lock (_gate)
        {
            if (_visits.Count >= options.Value.MaxBuffered)
            {
                _dropped++;
                return;
            }
            _visits.Add(visit);
            full = _visits.Count >= options.Value.FlushBatch;
        }
        if (full)
        {
            Signal();
        }
    }

    /// <summary>Up to <paramref name="max"/> visits, removed from the buffer; the caller writes them or hands them back.</summary>
    public List<HitVisit> Take(int max)
    {
        lock (_gate)
        {
            if (_visits.Count <= max)
            {
                var all = _visits.ToList();
                _visits = [];
                return all;
            }
            var some = _visits.Take(max).ToList();
            _visits.ExceptWith(some);
            return some;
        }
    }

    /// <summary>Visits whose flush failed wait for the next one (as many as fit under <see cref="HitOptions.MaxBuffered"/>).</summary>
    public void Return(IEnumerable<HitVisit> visits)
    {
        lock (_gate)
        {
            foreach (var visit in visits)
            {
                if (_visits.Count >= options.Value.MaxBuffered)
                {
                    _dropped++;
                    continue;
                }
                _visits.Add(visit);
            }
        }
    }

    /// <summary>Waits until a batch is full or <paramref name="timeout"/> passes, whichever comes first.</summary>
    public async Task WaitForBatchAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, clock, wait.Token);
        var ready = _batchReady.WaitAsync(wait.Token);
        await Task.WhenAny(delay, ready);
        await wait.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }

    /// <summary>Logs, once per flush, how many visits a full buffer turned away since the last time.</summary>
    public void ReportDropped()
    {
        long dropped;
        lock (_gate)
        {
            dropped = _dropped;
            _dropped = 0;
        }
        if (dropped > 0)
        {
            log.LogWarning("{Dropped} visits were not counted as hits: the buffer held {Max} visits the database had not taken yet.",
                dropped, options.Value.MaxBuffered);
        }
    }

    private void Signal()
    {
        if (_batchReady.CurrentCount == 0)
        {
            try
            {
                _batchReady.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another view signalled at the same moment; one signal is enough.
            }
        }
    }

    public void Dispose() => _batchReady.Dispose();
}
