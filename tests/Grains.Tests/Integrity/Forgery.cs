using System.Collections.Immutable;
using System.Security.Cryptography;
using Grains.Abstractions.Appeals;
using Grains.Appeals;
using Grains.Integrity;

namespace Grains.Tests.Integrity;

/// <summary>What someone who can write the database but has no key can do to an appeal: edit its record and re-seal the whole
/// chain consistently (links, record hashes, head), with a seal of their choosing.</summary>
internal static class Forgery
{
    /// <summary>Re-seals <paramref name="history"/> for <paramref name="appeal"/> with <paramref name="seal"/> over each event's
    /// canonical bytes; returns the history and the record with a matching head.</summary>
    public static (ImmutableArray<AppealEvent> History, Appeal Appeal) Reseal(
        IReadOnlyList<AppealEvent> history, Appeal appeal, Func<byte[], string> seal)
    {
        var forged = ImmutableArray.CreateBuilder<AppealEvent>(history.Count);
        var previous = Appeal.GenesisHash;
        string? previousState = null;
        for (var i = 0; i < history.Count; i++)
        {
            var e = history[i] with
            {
                PreviousHash = previous,
                PriorStateHash = i == 0 ? null : previousState,
                StateHash = i == history.Count - 1 ? AppealStateHash.Of(appeal) : history[i].StateHash,
            };
            e = e with { Hash = seal(AppealHashChain.CanonicalBytes(e)) };
            forged.Add(e);
            previous = e.Hash;
            previousState = e.StateHash;
        }

        return (forged.ToImmutable(), appeal with { EventCount = history.Count, HeadHash = previous });
    }

    /// <summary>HMAC-SHA256 under the same key id with other bytes.</summary>
    public static Func<byte[], string> WrongKey { get; } = bytes => Convert.ToHexStringLower(HMACSHA256.HashData(TestKeys.Key(0x13), bytes));

    /// <summary>Plain SHA-256, as the chain was before it had a key.</summary>
    public static Func<byte[], string> PlainSha256 { get; } = bytes => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static Func<byte[], string> Named(string how) => how switch
    {
        "wrong-key" => WrongKey,
        "plain-sha256" => PlainSha256,
        _ => throw new ArgumentOutOfRangeException(nameof(how), how, "wrong-key or plain-sha256"),
    };
}
