using Orleans.Runtime;

namespace Grains.Common;

/// <summary>Replaces a grain's state and writes it, or leaves the old state in place when the write fails, so a
/// refused or failed command never leaves a half-applied state in memory.</summary>
internal static class PersistentStateExtensions
{
    public static async Task WriteAsync<TState>(this IPersistentState<TState> state, TState next)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            throw;
        }
    }
}
