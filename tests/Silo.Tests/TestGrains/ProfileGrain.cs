namespace Silo.Tests.TestGrains;

public interface IProfileGrain : IGrainWithStringKey
{
    Task<ProfileState> Get();
}

/// <summary>State as the newest build knows it: <see cref="Nickname"/> was added after rows were stored.</summary>
public sealed record ProfileState
{
    public string Name { get; init; } = "";

    public int Level { get; init; }

    public string Nickname { get; init; } = "(none)";
}

public sealed class ProfileGrain([PersistentState("profile")] IPersistentState<ProfileState> state) : Grain, IProfileGrain
{
    public Task<ProfileState> Get() => Task.FromResult(state.State);
}
