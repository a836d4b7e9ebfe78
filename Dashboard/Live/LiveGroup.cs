namespace Dashboard.Live;

/// <summary>What a live group carries; each kind has one authorization rule in <see cref="LiveGroupAuthorizer"/>.</summary>
public enum LiveGroupKind
{
    /// <summary>The silo's runtime figures (/admin/runtime).</summary>
    Runtime,

    /// <summary>The district wall (/wall): everything in the district.</summary>
    Wall,

    /// <summary>One town's grid: its enterprises, stations and appeals.</summary>
    Town,

    /// <summary>One appeal: its detail page learns that someone else changed it.</summary>
    Appeal,
}

/// <summary>A SignalR group: a kind and, for scoped kinds, the id of the town or appeal.</summary>
public sealed record LiveGroup(LiveGroupKind Kind, string? ScopeId = null)
{
    public static LiveGroup Runtime { get; } = new(LiveGroupKind.Runtime);

    public static LiveGroup Wall { get; } = new(LiveGroupKind.Wall);

    public static LiveGroup ForTown(string townId) => new(LiveGroupKind.Town, townId);

    public static LiveGroup ForAppeal(string appealId) => new(LiveGroupKind.Appeal, appealId);

    /// <summary>The SignalR group name, e.g. "runtime" or "town:town-01".</summary>
    public string Name => ScopeId is null ? Kind.ToString().ToLowerInvariant() : $"{Kind.ToString().ToLowerInvariant()}:{ScopeId}";
}
