using System.Collections.Immutable;
using Orleans;

namespace Grains.Abstractions.Appeals;

/// <summary>One entry of an appeal's append-only history, chained to the one before by its hash.</summary>
/// <param name="Sequence">Position in the history, from 0.</param>
/// <param name="AppealId">The appeal.</param>
/// <param name="Kind">What happened.</param>
/// <param name="ActorId">Who did it.</param>
/// <param name="ActorRole">In which role.</param>
/// <param name="Channel">Through which channel.</param>
/// <param name="At">When.</param>
/// <param name="Payload">The details, as named text values.</param>
/// <param name="PreviousHash">The hash of the event before (64 zeros for the first).</param>
/// <param name="Hash">The seal: HMAC-SHA256, with the key <see cref="KeyId"/> names, over this event's canonical form, the
/// previous hash and the hashes of the appeal's record before and after it included.</param>
[GenerateSerializer, Immutable, Alias("cc.AppealEvent")]
public sealed record AppealEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string AppealId,
    [property: Id(2)] AppealEventKind Kind,
    [property: Id(3)] string ActorId,
    [property: Id(4)] ActorRole ActorRole,
    [property: Id(5)] ActionChannel Channel,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] ImmutableArray<PayloadField> Payload,
    [property: Id(8)] string PreviousHash,
    [property: Id(9)] string Hash)
{
    /// <summary>The integrity key that sealed the event (null: sealed before keys, which no deployment verifies).</summary>
    [Id(10)]
    public string? KeyId { get; init; }

    /// <summary>SHA-256 of the appeal's record the event was applied to (null for the first event).</summary>
    [Id(11)]
    public string? PriorStateHash { get; init; }

    /// <summary>SHA-256 of the appeal's record right after the event.</summary>
    [Id(12)]
    public string? StateHash { get; init; }

    /// <summary>The value of a payload field, or null when the event has none of that name.</summary>
    public string? Field(string name)
    {
        foreach (var field in Payload)
        {
            if (field.Name == name)
            {
                return field.Value;
            }
        }

        return null;
    }
}

/// <summary>One named detail of an appeal event.</summary>
/// <param name="Name">The detail's name, for example <c>department</c>.</param>
/// <param name="Value">Its value as text.</param>
[GenerateSerializer, Immutable, Alias("cc.PayloadField")]
public sealed record PayloadField([property: Id(0)] string Name, [property: Id(1)] string Value);

/// <summary>What happened to an appeal.</summary>
[GenerateSerializer, Alias("cc.AppealEventKind")]
public enum AppealEventKind
{
    /// <summary>受理: accepted.</summary>
    Accepted,

    /// <summary>分流: routed to a department.</summary>
    Routed,

    /// <summary>分流异议: the department objected to the routing.</summary>
    RoutingObjected,

    /// <summary>签收办理: the department took it over.</summary>
    TakenOver,

    /// <summary>反馈: replied with evidence.</summary>
    Replied,

    /// <summary>评价: the enterprise rated.</summary>
    Rated,

    /// <summary>差评核实: a bad rating was verified.</summary>
    DissatisfactionVerified,

    /// <summary>回访: revisited after rework.</summary>
    Revisited,

    /// <summary>销号: closed.</summary>
    Closed,

    /// <summary>督办: supervised by the centre.</summary>
    Supervised,

    /// <summary>成立专班: a task force was formed.</summary>
    TaskForceFormed,

    /// <summary>升级: escalated a level.</summary>
    Escalated,

    /// <summary>关联重复: linked to a duplicate.</summary>
    DuplicateLinked,
}
