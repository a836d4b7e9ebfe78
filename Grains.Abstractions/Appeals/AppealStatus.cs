using Orleans;

namespace Grains.Abstractions.Appeals;

/// <summary>Where an appeal is in the closed loop.</summary>
[GenerateSerializer, Alias("cc.AppealStatus")]
public enum AppealStatus
{
    /// <summary>已受理: accepted, waiting to be routed.</summary>
    Accepted,

    /// <summary>已分流: routed to a department that may still object.</summary>
    Routed,

    /// <summary>办理中: being worked by the department or task force.</summary>
    InProgress,

    /// <summary>已反馈: replied, waiting for the enterprise's rating or the revisit.</summary>
    Replied,

    /// <summary>已评价: rated satisfied or basically satisfied, ready to close.</summary>
    Rated,

    /// <summary>差评待核实: rated dissatisfied, waiting for verification.</summary>
    AwaitingVerification,

    /// <summary>待回访: verified, waiting for the revisit.</summary>
    AwaitingRevisit,

    /// <summary>已销号: closed.</summary>
    Closed,
}
