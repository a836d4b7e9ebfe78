using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Grains.Abstractions.Appeals;

namespace Grains.Appeals;

/// <summary>
/// The tamper-evident chain of an appeal's history. Each event's hash is SHA-256 over a canonical form of the
/// event and the previous hash, so editing, removing or reordering any stored event breaks every hash after it.
/// </summary>
/// <remarks>
/// The canonical form is a sequence of netstrings (<c>byteLength:utf8bytes,</c>) in a fixed field order, with the
/// payload sorted by name and the time in UTC with 100 ns precision. It depends on no serializer, so a library
/// upgrade cannot change old hashes.
/// </remarks>
internal static class AppealHashChain
{
    public static AppealEvent Seal(
        long sequence,
        string appealId,
        AppealEventKind kind,
        AppealActor actor,
        DateTimeOffset at,
        ImmutableArray<PayloadField> payload,
        string previousHash)
    {
        var unsealed = new AppealEvent(sequence, appealId, kind, actor.Id, actor.Role, actor.Channel, at, payload, previousHash, string.Empty);
        return unsealed with { Hash = ComputeHash(unsealed) };
    }

    public static string ComputeHash(AppealEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var builder = new StringBuilder(256);
        Append(builder, "appeal-event/v1");
        Append(builder, e.Sequence.ToString(CultureInfo.InvariantCulture));
        Append(builder, e.AppealId);
        Append(builder, e.Kind.ToString());
        Append(builder, e.ActorId);
        Append(builder, e.ActorRole.ToString());
        Append(builder, e.Channel.ToString());
        Append(builder, e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        var fields = e.Payload.IsDefault ? [] : e.Payload.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        Append(builder, fields.Length.ToString(CultureInfo.InvariantCulture));
        foreach (var field in fields)
        {
            Append(builder, field.Name);
            Append(builder, field.Value);
        }

        Append(builder, e.PreviousHash);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()));
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Checks sequence numbers, links and hashes from the first event on; the result names the first broken index.</summary>
    public static ChainVerification Verify(IReadOnlyList<AppealEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var previous = Abstractions.Appeals.Appeal.GenesisHash;
        for (var i = 0; i < history.Count; i++)
        {
            var e = history[i];
            if (e.Sequence != i || e.PreviousHash != previous || e.Hash != ComputeHash(e)
                || (i > 0 && e.AppealId != history[0].AppealId))
            {
                return new ChainVerification(false, i);
            }

            previous = e.Hash;
        }

        return new ChainVerification(true, null);
    }

    /// <summary>Like <see cref="Verify(IReadOnlyList{AppealEvent})"/>, and also that the last hash is the head the state remembers, so a cut-off tail is found too.</summary>
    public static ChainVerification Verify(IReadOnlyList<AppealEvent> history, string expectedHeadHash)
    {
        var result = Verify(history);
        if (!result.IsIntact)
        {
            return result;
        }

        var head = history.Count == 0 ? Abstractions.Appeals.Appeal.GenesisHash : history[^1].Hash;
        return head == expectedHeadHash ? result : new ChainVerification(false, history.Count);
    }

    private static void Append(StringBuilder builder, string value) =>
        builder.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(',');
}
