using System.Globalization;
using System.Text;

namespace Grains.Integrity;

/// <summary>
/// A canonical text to hash or seal: netstrings (<c>byteLength:utf8bytes,</c>) in a fixed order, an absent value written
/// as <c>~</c> (no netstring starts with it, so absent and empty differ), instants in UTC with 100 ns precision. It depends
/// on no serializer, so a library upgrade cannot change old hashes.
/// </summary>
internal sealed class CanonicalForm
{
    private readonly StringBuilder builder = new(512);

    public CanonicalForm(string tag) => Add(tag);

    public CanonicalForm Add(string value)
    {
        builder.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(',');
        return this;
    }

    public CanonicalForm Add(long value) => Add(value.ToString(CultureInfo.InvariantCulture));

    public CanonicalForm Add(DateTimeOffset instant) =>
        Add(instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));

    public CanonicalForm Optional(string? value)
    {
        if (value is null)
        {
            builder.Append('~');
            return this;
        }

        return Add(value);
    }

    public CanonicalForm Optional(DateTimeOffset? instant) => instant is { } value ? Add(value) : Optional((string?)null);

    public CanonicalForm Optional(long? value) => value is { } number ? Add(number) : Optional((string?)null);

    /// <summary>Any number of values, prefixed with their count.</summary>
    public CanonicalForm List<T>(IReadOnlyCollection<T> items, Action<CanonicalForm, T> add)
    {
        Add(items.Count);
        foreach (var item in items)
        {
            add(this, item);
        }

        return this;
    }

    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(builder.ToString());
}
