using Grains.Abstractions.Errors;
using Orleans;
using Orleans.Placement;
using Orleans.Runtime;

namespace Storage.Tests.TestGrains;

/// <summary>A grain placed on a random silo (Orleans otherwise prefers the calling one), so that a test can find keys whose
/// activation lives on another silo than the caller.</summary>
[Alias("storage-tests.IPlacedGrain")]
public interface IPlacedGrain : IGrainWithStringKey
{
    /// <summary>The silo this activation lives on.</summary>
    Task<SiloAddress> Where();

    Task<string> Get();

    Task Write(string text);

    /// <summary>Refuses like a domain grain does.</summary>
    Task Refuse(string code, string argument, int number);
}

[RandomPlacement]
[GrainType("storage-tests-placed")]
internal sealed class PlacedGrain(
    [PersistentState(PlacedGrain.StateName)] IPersistentState<PlacedState> state,
    ILocalSiloDetails silo) : Grain, IPlacedGrain
{
    public const string StateName = "storage-tests-placed";

    public Task<SiloAddress> Where() => Task.FromResult(silo.SiloAddress);

    public Task<string> Get() => Task.FromResult(state.State.Text);

    public Task Write(string text)
    {
        state.State = new PlacedState { Text = text };
        return state.WriteStateAsync();
    }

    public Task Refuse(string code, string argument, int number) => throw new DomainException(code, argument, number);
}

public sealed record PlacedState
{
    public string Text { get; init; } = "";
}
