namespace Dashboard.Wall;

/// <summary>The wall's one sequence counter and its recent feed: a fixed-size ring, so memory stays flat
/// however long the wall runs. Reading the sequence and the feed together (under one lock) lets a
/// snapshot say exactly which pushes it already contains.</summary>
internal sealed class WallFeed
{
    private readonly Lock gate = new();
    private readonly WallFeedItem[] ring;
    private int next;
    private int count;
    private long sequence;

    public WallFeed(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ring = new WallFeedItem[capacity];
    }

    public Guid Epoch { get; } = Guid.NewGuid();

    public int Capacity => ring.Length;

    /// <summary>Numbers a figures refresh.</summary>
    public long NextSequence()
    {
        lock (gate)
        {
            return ++sequence;
        }
    }

    /// <summary>Numbers and keeps a feed item, dropping the oldest when full.</summary>
    public WallFeedItem Append(Func<long, WallFeedItem> create)
    {
        lock (gate)
        {
            var item = create(++sequence);
            ring[next] = item;
            next = (next + 1) % ring.Length;
            count = Math.Min(count + 1, ring.Length);
            return item;
        }
    }

    /// <summary>The last sequence given out and the kept items, newest first.</summary>
    public (long Sequence, IReadOnlyList<WallFeedItem> Recent) Read()
    {
        lock (gate)
        {
            var recent = new WallFeedItem[count];
            for (var i = 0; i < count; i++)
            {
                recent[i] = ring[(next - 1 - i + ring.Length) % ring.Length];
            }

            return (sequence, recent);
        }
    }
}
