namespace Silo.Streams;

/// <summary>In-process publish/subscribe for grain changes. Grains publish to named topics; the
/// dashboard reads a topic for as long as a connection lives and forwards it over SignalR.</summary>
/// <remarks>A subscription exists exactly while its enumeration runs: ending the <c>await foreach</c>
/// or cancelling its token removes it, so a subscription cannot leak. A slow reader never slows a
/// grain: each subscriber has a bounded buffer that drops the oldest changes and counts the drops.</remarks>
public interface IChangeFeed
{
    /// <summary>Publishes a change to every current subscriber of the topic; never blocks.</summary>
    void Publish<T>(string topic, T change) where T : notnull;

    /// <summary>Reads the changes published to the topic from now on, until cancelled.</summary>
    IAsyncEnumerable<T> SubscribeAsync<T>(string topic, CancellationToken cancellationToken);

    /// <summary>How many subscriptions are open on the topic (for tests and the runtime page).</summary>
    int SubscriberCount(string topic);
}
