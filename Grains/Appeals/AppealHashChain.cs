using System.Collections.Immutable;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Integrity;
using Grains.Integrity;

namespace Grains.Appeals;

/// <summary>
/// The tamper-evident chain of an appeal's history. Each event is sealed with an HMAC-SHA256, under a key kept outside the
/// database (<see cref="IntegrityKeyRing"/>), over its canonical form, the previous event's seal and the hashes of the
/// appeal's record before and after it (<see cref="AppealStateHash"/>). Editing, removing, reordering or re-sealing an
/// event without the key breaks the chain there; editing the stored record breaks its match with the last event.
/// </summary>
/// <remarks>The canonical form (<see cref="CanonicalForm"/>) has the payload sorted by name and depends on no serializer, so a
/// library upgrade cannot change old seals.</remarks>
internal static class AppealHashChain
{
    private const string EventTag = "appeal-event/v2";

    /// <summary>Seals an event with the ring's current key.</summary>
    public static AppealEvent Seal(
        IntegrityKeyRing keys,
        long sequence,
        string appealId,
        AppealEventKind kind,
        AppealActor actor,
        DateTimeOffset at,
        ImmutableArray<PayloadField> payload,
        string previousHash,
        string? priorStateHash,
        string stateHash)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(actor);
        var unsealed = new AppealEvent(sequence, appealId, kind, actor.Id, actor.Role, actor.Channel, at, payload, previousHash, string.Empty)
        {
            KeyId = keys.CurrentKeyId,
            PriorStateHash = priorStateHash,
            StateHash = stateHash,
        };
        return unsealed with { Hash = keys.Mac(keys.CurrentKeyId, CanonicalBytes(unsealed))! };
    }

    /// <summary>The bytes the seal covers: everything of the event but the seal itself.</summary>
    public static byte[] CanonicalBytes(AppealEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var fields = e.Payload.IsDefault ? [] : e.Payload.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new CanonicalForm(EventTag)
            .Add(e.Sequence).Add(e.AppealId).Add(e.Kind.ToString()).Add(e.ActorId).Add(e.ActorRole.ToString()).Add(e.Channel.ToString())
            .Add(e.At)
            .List(fields, static (form, field) => form.Add(field.Name).Add(field.Value))
            .Add(e.PreviousHash).Optional(e.KeyId).Optional(e.PriorStateHash).Optional(e.StateHash)
            .ToUtf8();
    }

    /// <summary>The seal the event should carry, with the key it names; null when the ring has no such key.</summary>
    public static string? ComputeHash(IntegrityKeyRing keys, AppealEvent e)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return e?.KeyId is { } keyId ? keys.Mac(keyId, CanonicalBytes(e)) : null;
    }

    /// <summary>Checks keys, sequence numbers, links, seals and the record hashes carried from event to event, from the
    /// first event on; the result names the first event that fails.</summary>
    public static ChainVerification VerifyChain(IntegrityKeyRing keys, IReadOnlyList<AppealEvent> history)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(history);
        var previous = Appeal.GenesisHash;
        string? previousState = null;
        for (var i = 0; i < history.Count; i++)
        {
            var e = history[i];
            if (e.KeyId is not { } keyId || !keys.Knows(keyId))
            {
                return ChainVerification.Broken(IntegrityFindingKind.UnknownKey, i, e.KeyId);
            }

            if (e.Sequence != i || e.PreviousHash != previous || e.AppealId != history[0].AppealId || e.Hash != ComputeHash(keys, e))
            {
                return ChainVerification.Broken(IntegrityFindingKind.EventAltered, i, keyId);
            }

            // A sealed event applied to a record other than the one the event before left: the record was edited in between.
            if (i > 0 && e.PriorStateHash != previousState)
            {
                return ChainVerification.Broken(IntegrityFindingKind.StateDiffers, i);
            }

            previous = e.Hash;
            previousState = e.StateHash;
        }

        return ChainVerification.Intact;
    }

    /// <summary>Like <see cref="VerifyChain"/>, and also that the stored record is the one the last event sealed: its event
    /// count and head match the history (else the tail was cut off) and its fields hash to the last event's record hash.</summary>
    public static ChainVerification Verify(IntegrityKeyRing keys, IReadOnlyList<AppealEvent> history, Appeal? appeal)
    {
        var chain = VerifyChain(keys, history);
        if (!chain.IsIntact)
        {
            return chain;
        }

        if (appeal is null)
        {
            return history.Count == 0 ? chain : ChainVerification.Broken(IntegrityFindingKind.StateDiffers, null);
        }

        // Every appeal starts with its acceptance, so an appeal without history has lost it.
        if (appeal.EventCount > history.Count || history.Count == 0)
        {
            return ChainVerification.Broken(IntegrityFindingKind.MissingTail, history.Count);
        }

        var head = history[^1];
        return appeal.EventCount == history.Count && appeal.HeadHash == head.Hash && AppealStateHash.Of(appeal) == head.StateHash
            ? chain
            : ChainVerification.Broken(IntegrityFindingKind.StateDiffers, null);
    }
}
