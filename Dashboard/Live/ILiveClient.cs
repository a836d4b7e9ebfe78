using Dashboard.Runtime;
using Dashboard.Wall;

namespace Dashboard.Live;

/// <summary>What the server pushes to browsers; one method per kind of update.</summary>
public interface ILiveClient
{
    /// <summary>The silo's runtime figures, to the runtime group, every second.</summary>
    Task Runtime(RuntimeUpdate update);

    /// <summary>One district event, to the wall group, as it happens.</summary>
    Task WallFeed(WallFeedPush push);

    /// <summary>The district's figures after changes, to the wall group, at most every 250 ms.</summary>
    Task WallFigures(WallFiguresUpdate update);

    /// <summary>A change in one town's grid, to that town's group only.</summary>
    Task Town(Towns.TownLiveUpdate update);

    /// <summary>An appeal changed, to that appeal's group only.</summary>
    Task Appeal(Appeals.AppealUpdate update);
}
