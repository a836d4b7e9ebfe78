using Dashboard.Runtime;

namespace Dashboard.Live;

/// <summary>What the server pushes to browsers; one method per kind of update.</summary>
public interface ILiveClient
{
    /// <summary>The silo's runtime figures, to the runtime group, every second.</summary>
    Task Runtime(RuntimeUpdate update);

    /// <summary>A change in one town's grid, to that town's group only.</summary>
    Task Town(Towns.TownLiveUpdate update);
}
