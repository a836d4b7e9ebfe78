using Orleans;

namespace Grains.Abstractions.Integrity;

/// <summary>What failed when an appeal's stored record was checked against its sealed history.</summary>
[GenerateSerializer, Alias("cc.IntegrityFindingKind")]
public enum IntegrityFindingKind
{
    /// <summary>事件被篡改: an event's seal (HMAC) or its link to the event before does not check out, so it was edited,
    /// removed, reordered or re-sealed without the key.</summary>
    EventAltered,

    /// <summary>密钥未知: an event names a key this deployment does not have (or none: sealed before keys).</summary>
    UnknownKey,

    /// <summary>记录与历史不符: the appeal's stored record is not the one its history sealed.</summary>
    StateDiffers,

    /// <summary>历史缺失: the record counts more events than the history holds (its tail was cut off).</summary>
    MissingTail,

    /// <summary>无法读取: the stored row does not read as an appeal at all.</summary>
    Unreadable,
}
