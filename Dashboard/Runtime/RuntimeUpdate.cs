using Silo.Diagnostics;

namespace Dashboard.Runtime;

/// <summary>One push of the runtime figures. Browsers apply an update only when its sequence is higher
/// than the last one they showed from the same epoch (a restart of the server starts a new epoch). The
/// uptime is formatted on the server so that the rendered page and the pushes read alike.</summary>
public sealed record RuntimeUpdate(Guid Epoch, long Sequence, string UptimeText, SiloSnapshot Snapshot)
{
    public static RuntimeUpdate Create(Guid epoch, long sequence, SiloSnapshot snapshot) =>
        new(epoch, sequence, RuntimeFormat.Uptime(snapshot.Uptime), snapshot);
}
