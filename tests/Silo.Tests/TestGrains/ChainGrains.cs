namespace Silo.Tests.TestGrains;

/// <summary>How the callee calls back into the caller in a call chain A → B → A.</summary>
public enum CallbackKind
{
    /// <summary>An ordinary (exclusive) method of a non-reentrant grain: would deadlock.</summary>
    Exclusive,

    /// <summary>An [AlwaysInterleave] method: allowed.</summary>
    Interleaving,

    /// <summary>A method of a [Reentrant] grain: allowed.</summary>
    ReentrantGrain,
}

public interface IPingGrain : IGrainWithIntegerKey
{
    /// <summary>Calls grain <paramref name="other"/>, which calls back into this grain.</summary>
    Task<string> CallThrough(long other, CallbackKind kind);

    Task<string> CallBack(long origin, CallbackKind kind);

    [AlwaysInterleave]
    Task<string> Hello();

    Task<string> HelloExclusive();

    Task<int> Ping();

    /// <summary>Completes only when the test releases the probe's "release-hang" signal: for the timeout test.</summary>
    Task<int> Hang();
}

public sealed class PingGrain(Probe probe) : Grain, IPingGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.OnConstructed($"ping/{GetPrimaryKeyLong()}");
        return Task.CompletedTask;
    }

    public Task<string> CallThrough(long other, CallbackKind kind) =>
        GrainFactory.GetGrain<IPingGrain>(other).CallBack(GetPrimaryKeyLong(), kind);

    public Task<string> CallBack(long origin, CallbackKind kind) => kind switch
    {
        CallbackKind.Exclusive => GrainFactory.GetGrain<IPingGrain>(origin).HelloExclusive(),
        CallbackKind.Interleaving => GrainFactory.GetGrain<IPingGrain>(origin).Hello(),
        _ => GrainFactory.GetGrain<IReentrantPingGrain>(origin).Hello(),
    };

    public Task<string> Hello() => Task.FromResult($"hello from {GetPrimaryKeyLong()}");

    public Task<string> HelloExclusive() => Task.FromResult($"hello from {GetPrimaryKeyLong()}");

    public Task<int> Ping() => Task.FromResult(1);

    public async Task<int> Hang()
    {
        await probe.WhenReleased("release-hang");
        return 0;
    }
}

public interface IReentrantPingGrain : IGrainWithIntegerKey
{
    Task<string> CallThrough(long other);

    Task<string> Hello();
}

[Reentrant]
public sealed class ReentrantPingGrain : Grain, IReentrantPingGrain
{
    public Task<string> CallThrough(long other) =>
        GrainFactory.GetGrain<IPingGrain>(other).CallBack(GetPrimaryKeyLong(), CallbackKind.ReentrantGrain);

    public Task<string> Hello() => Task.FromResult("reentrant hello");
}
