using System.Threading.Channels;
using Grains.Abstractions.District;
using Grains.Abstractions.Live;
using Grains.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Live;

/// <summary>What the Dashboard does with the district's live events: the wall, the town pages and the appeal pages.</summary>
internal interface IDistrictLiveConsumer
{
    /// <summary>Events in the district's order, each once; <paramref name="figures"/> are the district's figures after them,
    /// when they changed.</summary>
    Task OnEventsAsync(IReadOnlyList<DistrictEvent> events, DistrictFigures? figures);

    /// <summary>Events may have been missed (the district grain moved to another silo, or this process was cut off): reload
    /// what is shown.</summary>
    Task OnResyncAsync();
}

/// <summary>This process's one subscription to its district's live channel (see the district grain's DistrictLiveChannel):
/// an observer renewed every <see cref="RenewInterval"/>, which also tells whether events were missed. Events are handed
/// to the consumers in sequence order, each once: duplicates are dropped, a gap is filled from the district's backlog, and
/// when that is impossible (a new epoch) the consumers reload. Works the same whether this process co-hosts a silo or is a
/// client of a cluster.</summary>
internal sealed partial class DistrictLiveFeed(
    IGrainFactory grains,
    IOptions<DomainOptions> domain,
    IEnumerable<IDistrictLiveConsumer> consumers,
    TimeProvider clock,
    ILogger<DistrictLiveFeed> logger) : BackgroundService, IDistrictObserver
{
    public static readonly TimeSpan RenewInterval = TimeSpan.FromSeconds(5);

    // One reader: batches and catch-ups run one at a time, in the order they arrived.
    private readonly Channel<Func<Task>> work = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDistrictLiveConsumer[] targets = [.. consumers];
    // Epochs left behind: a batch still in flight from one of them is stale, not a reason to start over again.
    private readonly HashSet<Guid> retired = [];
    private Guid epoch;
    private long sequence;

    /// <summary>Whether the last renewal reached the district; false while the cluster cannot be reached.</summary>
    public bool IsConnected { get; private set; }

    /// <summary>The last event sequence handed to the consumers (tests and the runtime page).</summary>
    public long Sequence => Volatile.Read(ref sequence);

    public Task OnChanges(DistrictChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        // Orleans does not wait for this (one-way); the work runs off the delivery thread, in arrival order.
        work.Writer.TryWrite(() => ApplyAsync(changes));
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var district = grains.GetGrain<IDistrictGrain>(domain.Value.DistrictCode);
        var self = grains.CreateObjectReference<IDistrictObserver>(this);
        var processing = ProcessAsync();
        try
        {
            using var timer = new PeriodicTimer(RenewInterval, clock);
            do
            {
                await RenewAsync(district, self);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the district drops the subscription when it expires.
        }
        finally
        {
            work.Writer.TryComplete();
            await processing;
            grains.DeleteObjectReference<IDistrictObserver>(self);
        }
    }

    private async Task ProcessAsync()
    {
        await foreach (var item in work.Reader.ReadAllAsync())
        {
            try
            {
                await item();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogConsumerFailed(exception, nameof(DistrictLiveFeed));
            }
        }
    }

    private async Task RenewAsync(IDistrictGrain district, IDistrictObserver self)
    {
        try
        {
            var cursor = await district.Subscribe(self);
            if (!IsConnected)
            {
                LogConnected(domain.Value.DistrictCode);
            }

            IsConnected = true;
            work.Writer.TryWrite(() => CatchUpAsync(district, cursor));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (IsConnected)
            {
                LogDisconnected(exception, domain.Value.DistrictCode);
            }

            IsConnected = false;
        }
    }

    /// <summary>After a renewal: a new epoch means everything before is unknown; a higher sequence means missed events.</summary>
    private async Task CatchUpAsync(IDistrictGrain district, LiveCursor cursor)
    {
        if (cursor.Epoch != epoch && !retired.Contains(cursor.Epoch))
        {
            await StartOverAsync(district, cursor.Epoch);
        }
        else if (cursor.Sequence > sequence)
        {
            await FillGapAsync(district);
        }
    }

    private async Task ApplyAsync(DistrictChanges changes)
    {
        if (retired.Contains(changes.Epoch))
        {
            return;
        }

        if (changes.Epoch != epoch)
        {
            // The district started a new epoch (it moved): what the old one sent last is gone, the new one is fetched.
            await StartOverAsync(grains.GetGrain<IDistrictGrain>(changes.DistrictCode), changes.Epoch);
            return;
        }

        var fresh = changes.Events.Where(e => e.Sequence > sequence).ToList();
        if (fresh.Count > 0 && fresh[0].Sequence != sequence + 1)
        {
            await FillGapAsync(grains.GetGrain<IDistrictGrain>(changes.DistrictCode));
            fresh = [.. changes.Events.Where(e => e.Sequence > sequence)];
        }

        if (fresh.Count > 0 || changes.Figures is not null)
        {
            sequence = Math.Max(sequence, fresh.Count > 0 ? fresh[^1].Sequence : sequence);
            await DeliverAsync(fresh, changes.Figures);
        }
    }

    private async Task FillGapAsync(IDistrictGrain district)
    {
        var backlog = await district.GetEventsSince(epoch, sequence);
        if (!backlog.Complete)
        {
            await StartOverAsync(district, backlog.Epoch);
            return;
        }

        var missed = backlog.Events.Where(e => e.Sequence > sequence).ToList();
        if (missed.Count > 0)
        {
            sequence = missed[^1].Sequence;
            await DeliverAsync(missed, null);
        }
    }

    /// <summary>A new epoch: the consumers reload what they show (events of the old epoch may be lost with it), then get the
    /// new epoch's events from its first one, while the district still keeps them, so nothing it numbered is skipped.</summary>
    private async Task StartOverAsync(IDistrictGrain district, Guid next)
    {
        if (epoch != Guid.Empty && epoch != next)
        {
            retired.Add(epoch);
        }

        (epoch, sequence) = (next, 0);
        await ResyncAsync();
        var backlog = await district.GetEventsSince(next, 0);
        if (backlog.Epoch != next || !backlog.Complete)
        {
            // Moved again, or more events than the backlog keeps: continue from where the district stands; the resync's
            // reload covers what came before.
            (epoch, sequence) = (backlog.Epoch, backlog.LastSequence);
            return;
        }

        if (backlog.Events.Length > 0)
        {
            sequence = backlog.Events[^1].Sequence;
            await DeliverAsync(backlog.Events, null);
        }
    }

    private async Task DeliverAsync(IReadOnlyList<DistrictEvent> events, DistrictFigures? figures)
    {
        foreach (var consumer in targets)
        {
            try
            {
                await consumer.OnEventsAsync(events, figures);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One consumer's failure must not keep the others (or the next events) from being delivered.
                LogConsumerFailed(exception, consumer.GetType().Name);
            }
        }
    }

    private async Task ResyncAsync()
    {
        LogResync(domain.Value.DistrictCode, epoch);
        foreach (var consumer in targets)
        {
            try
            {
                await consumer.OnResyncAsync();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogConsumerFailed(exception, consumer.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live changes of district {District} connected")]
    private partial void LogConnected(string district);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live changes of district {District} cannot be reached; retrying")]
    private partial void LogDisconnected(Exception exception, string district);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live changes of district {District} start over in epoch {Epoch}: pages reload what they show")]
    private partial void LogResync(string district, Guid epoch);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling live changes failed in {Consumer}")]
    private partial void LogConsumerFailed(Exception exception, string consumer);
}
