using Orleans;
using Orleans.Runtime;

namespace Storage.Tests.TestGrains;

/// <summary>A grain whose state gained a property (<see cref="ProfileState.Nickname"/>) after rows were stored.</summary>
[Alias("storage-tests.IProfileGrain")]
public interface IProfileGrain : IGrainWithStringKey
{
    Task<ProfileState> Get();

    Task Write(string name, int level, string nickname);

    Task Deactivate();
}

/// <summary>The state as the newest build knows it; the first build stored only Name and Level.</summary>
[GenerateSerializer, Immutable, Alias("storage-tests.ProfileState")]
public sealed record ProfileState
{
    [Id(0)]
    public string Name { get; init; } = "";

    [Id(1)]
    public int Level { get; init; }

    [Id(2)]
    public string Nickname { get; init; } = "(none)";
}

[GrainType("storage-tests-profile")]
internal sealed class ProfileGrain([PersistentState(ProfileGrain.StateName)] IPersistentState<ProfileState> state) : Grain, IProfileGrain
{
    public const string StateName = "storage-tests-profile";

    public Task<ProfileState> Get() => Task.FromResult(state.State);

    public Task Write(string name, int level, string nickname)
    {
        state.State = new ProfileState { Name = name, Level = level, Nickname = nickname };
        return state.WriteStateAsync();
    }

    public Task Deactivate()
    {
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
