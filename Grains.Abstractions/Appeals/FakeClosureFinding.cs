using Orleans;

namespace Grains.Abstractions.Appeals;

/// <summary>A closure that looks like 虚假报结 (closing without real resolution).</summary>
/// <param name="Kind">What is suspicious.</param>
/// <param name="Sequence">The closing event's position in the history.</param>
/// <param name="ClosedAt">When it was closed.</param>
[GenerateSerializer, Immutable, Alias("cc.FakeClosureFinding")]
public sealed record FakeClosureFinding(
    [property: Id(0)] FakeClosureSuspicion Kind,
    [property: Id(1)] long Sequence,
    [property: Id(2)] DateTimeOffset ClosedAt);

/// <summary>Why a closure is suspected to be fake.</summary>
[GenerateSerializer, Alias("cc.FakeClosureSuspicion")]
public enum FakeClosureSuspicion
{
    /// <summary>销号前无反馈: closed without any reply.</summary>
    ClosedWithoutReply,

    /// <summary>未等企业评价即销号: closed unrated before the enterprise's rating period was over.</summary>
    ClosedBeforeRatingPossible,
}
