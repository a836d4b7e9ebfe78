using Orleans;

namespace Grains.Abstractions.Sla;

/// <summary>How urgent an appeal is; it shortens the deadline.</summary>
[GenerateSerializer, Alias("cc.AppealPriority")]
public enum AppealPriority
{
    /// <summary>一般: the category's normal deadline.</summary>
    Normal,

    /// <summary>紧急: the shorter urgent deadline.</summary>
    Urgent,

    /// <summary>特急: the shortest deadline, for production stoppages and safety risks.</summary>
    Critical,
}
