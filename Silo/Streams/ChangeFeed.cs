using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Silo.Streams;

/// <summary>The in-process <see cref="IChangeFeed"/>: per topic, an immutable list of subscribers, each
/// with a bounded channel that drops its oldest change when the reader falls behind.</summary>
internal sealed class ChangeFeed : IChangeFeed
{
    /// <summary>Changes buffered per subscriber before the oldest are dropped.</summary>
    public const int SubscriberCapacity = 1024;

    private readonly ConcurrentDictionary<string, ImmutableArray<Subscriber>> _topics = new(StringComparer.Ordinal);

    public void Publish<T>(string topic, T change) where T : notnull
    {
        if (!_topics.TryGetValue(topic, out var subscribers))
        {
            return;
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Offer(change);
        }
    }

    public async IAsyncEnumerable<T> SubscribeAsync<T>(string topic, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var subscriber = new Subscriber();
        _topics.AddOrUpdate(topic, static (_, s) => [s], static (_, list, s) => list.Add(s), subscriber);
        try
        {
            await foreach (var change in subscriber.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (change is T typed)
                {
                    yield return typed;
                }
            }
        }
        finally
        {
            Remove(topic, subscriber);
        }
    }

    public int SubscriberCount(string topic) => _topics.TryGetValue(topic, out var list) ? list.Length : 0;

    private void Remove(string topic, Subscriber subscriber)
    {
        while (_topics.TryGetValue(topic, out var list))
        {
            var updated = list.Remove(subscriber);
            var done = updated.IsEmpty
                ? _topics.TryRemove(new KeyValuePair<string, ImmutableArray<Subscriber>>(topic, list))
                : _topics.TryUpdate(topic, updated, list);
            if (done)
            {
                return;
            }
        }
    }

    private sealed class Subscriber
    {
        private readonly Channel<object> _channel = Channel.CreateBounded<object>(
            new BoundedChannelOptions(SubscriberCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        public ChannelReader<object> Reader => _channel.Reader;

        public void Offer(object change) => _channel.Writer.TryWrite(change);
    }
}
