using Orleans;

namespace Grains.Abstractions.Appeals;

/// <summary>The enterprise's rating of the result (好差评).</summary>
[GenerateSerializer, Alias("cc.SatisfactionRating")]
public enum SatisfactionRating
{
    /// <summary>满意.</summary>
    Satisfied,

    /// <summary>基本满意.</summary>
    BasicallySatisfied,

    /// <summary>不满意: triggers verification and rework.</summary>
    Dissatisfied,
}
