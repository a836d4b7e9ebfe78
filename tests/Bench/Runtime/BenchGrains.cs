using Orleans.Concurrency;

namespace Bench.Runtime;

/// <summary>What a domain read returns: a small immutable record (passed by reference inside the silo, never copied).</summary>
[GenerateSerializer, Immutable, Alias("bench.BenchProfile")]
public sealed record BenchProfile([property: Id(0)] string Code, [property: Id(1)] string Name);

/// <summary>Keyed, like the domain's grains and <see cref="IWriterGrain"/>, by strings with a non-hex character ("bench-…"):
/// Orleans reads a string key of up to 16 hex digits as an integer (in grain storage "abc" and "0ABC" are one row).</summary>
[Alias("bench.IProfileGrain")]
public interface IProfileGrain : IGrainWithStringKey
{
    /// <summary>A read like a domain grain's GetProfile.</summary>
    [ReadOnly]
    Task<BenchProfile> GetProfile();
}

/// <summary>The same method body as <see cref="ProfileGrain"/>, called directly: the baseline of a grain call.</summary>
public sealed class DirectProfile(string code)
{
    private readonly BenchProfile profile = new(code, "基准镇");

    public Task<BenchProfile> GetProfile() => Task.FromResult(profile);
}

public sealed class ProfileGrain : Grain, IProfileGrain
{
    private readonly BenchProfile profile;

    public ProfileGrain() => profile = new BenchProfile(this.GetPrimaryKeyString(), "基准镇");

    public Task<BenchProfile> GetProfile() => Task.FromResult(profile);
}

[Alias("bench.IWriterGrain")]
public interface IWriterGrain : IGrainWithStringKey
{
    Task Write(int value);
}

public sealed record WriterState
{
    public int Value { get; init; }

    public string Note { get; init; } = "";
}

/// <summary>Every call is one durable state write through the silo's default grain storage.</summary>
public sealed class WriterGrain([PersistentState("writer")] IPersistentState<WriterState> state) : Grain, IWriterGrain
{
    public async Task Write(int value)
    {
        state.State = state.State with { Value = value, Note = "状态写入基准" };
        await state.WriteStateAsync();
    }
}
