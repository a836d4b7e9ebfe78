using Orleans;
using Orleans.Runtime;

namespace Storage.Tests.TestGrains;

/// <summary>A grain with one piece of persistent state, for the grain storage tests.</summary>
[Alias("storage-tests.INoteGrain")]
public interface INoteGrain : IGrainWithStringKey
{
    Task<Note> Get();

    Task Write(string text, NoteKind kind);

    Task Clear();

    Task Deactivate();
}

[GenerateSerializer, Alias("storage-tests.NoteKind")]
public enum NoteKind
{
    Routine,
    Urgent,
}

[GenerateSerializer, Immutable, Alias("storage-tests.Note")]
public sealed record Note([property: Id(0)] string Text, [property: Id(1)] NoteKind Kind, [property: Id(2)] int Revision);

/// <summary>The stored shape: plain properties, so that a row is readable JSON.</summary>
public sealed record NoteState
{
    public string Text { get; init; } = "";

    public NoteKind Kind { get; init; }

    public int Revision { get; init; }
}

[GrainType("storage-tests-note")]
internal sealed class NoteGrain([PersistentState(NoteGrain.StateName)] IPersistentState<NoteState> state) : Grain, INoteGrain
{
    /// <summary>The row's GrainTypeString; unique to this class, so that no other grain shares its rows.</summary>
    public const string StateName = "storage-tests-note";

    public Task<Note> Get() => Task.FromResult(new Note(state.State.Text, state.State.Kind, state.State.Revision));

    public Task Write(string text, NoteKind kind)
    {
        state.State = new NoteState { Text = text, Kind = kind, Revision = state.State.Revision + 1 };
        return state.WriteStateAsync();
    }

    public Task Clear() => state.ClearStateAsync();

    public Task Deactivate()
    {
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
