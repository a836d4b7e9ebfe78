using Silo.Streams;

namespace Silo.Tests.Streams;

public sealed class ChangeFeedTests
{
    [Fact]
    public async Task SubscribeAsync_ChangesPublishedAfterSubscribing_AreReceivedInOrder()
    {
        var feed = new ChangeFeed();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var received = new List<int>();
        var reading = Task.Run(async () =>
        {
            await foreach (var change in feed.SubscribeAsync<int>("district", stop.Token))
            {
                received.Add(change);
                if (received.Count == 3)
                {
                    return;
                }
            }
        });
        await WaitForSubscribersAsync(feed, "district", 1);

        feed.Publish("district", 1);
        feed.Publish("town/a", 99);
        feed.Publish("district", 2);
        feed.Publish("district", 3);
        await reading;

        Assert.Equal([1, 2, 3], received);
    }

    [Fact]
    public async Task SubscribeAsync_ReaderCancelledOrFinished_LeavesNoSubscription()
    {
        var feed = new ChangeFeed();
        using var cancel = new CancellationTokenSource();
        var cancelled = Task.Run(async () =>
        {
            await foreach (var _ in feed.SubscribeAsync<string>("wall", cancel.Token))
            {
            }
        });
        var finished = Task.Run(async () =>
        {
            await foreach (var _ in feed.SubscribeAsync<string>("wall", CancellationToken.None))
            {
                return;
            }
        });
        await WaitForSubscribersAsync(feed, "wall", 2);

        feed.Publish("wall", "x");
        await finished;
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        Assert.Equal(0, feed.SubscriberCount("wall"));
    }

    [Fact]
    public async Task Publish_SlowReader_DropsOldestInsteadOfGrowing()
    {
        var feed = new ChangeFeed();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var enumerator = feed.SubscribeAsync<int>("busy", stop.Token).GetAsyncEnumerator(stop.Token);
        var first = enumerator.MoveNextAsync();
        await WaitForSubscribersAsync(feed, "busy", 1);
        var published = ChangeFeed.SubscriberCapacity * 3;

        for (var i = 0; i < published; i++)
        {
            feed.Publish("busy", i);
        }

        var received = new List<int>();
        var more = await first;
        while (more)
        {
            received.Add(enumerator.Current);
            more = enumerator.Current != published - 1 && await enumerator.MoveNextAsync();
        }

        Assert.Equal(published - 1, received[^1]);
        Assert.True(received.Count <= ChangeFeed.SubscriberCapacity + 1, $"received {received.Count}");
        await enumerator.DisposeAsync();
        Assert.Equal(0, feed.SubscriberCount("busy"));
    }

    private static async Task WaitForSubscribersAsync(ChangeFeed feed, string topic, int count)
    {
        for (var i = 0; i < 2000 && feed.SubscriberCount(topic) < count; i++)
        {
            await Task.Delay(5);
        }

        Assert.Equal(count, feed.SubscriberCount(topic));
    }
}
