using Orleans;

namespace Grains.Abstractions.Sla;

/// <summary>The three-colour light of an open appeal (三色亮灯).</summary>
[GenerateSerializer, Alias("cc.SlaLight")]
public enum SlaLight
{
    /// <summary>绿灯: on time, enough of the allowed time left.</summary>
    Green,

    /// <summary>黄灯: near the deadline, only a small share of the allowed time left.</summary>
    Yellow,

    /// <summary>红灯: the deadline has passed.</summary>
    Red,
}
