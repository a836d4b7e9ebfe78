namespace Dashboard.Runtime;

/// <summary>One push of the runtime figures. Browsers apply an update only when its sequence is higher than the last one
/// they showed from the same epoch (a restart of the Dashboard starts a new epoch).</summary>
public sealed record RuntimeUpdate(Guid Epoch, long Sequence, RuntimeSnapshot Snapshot);
