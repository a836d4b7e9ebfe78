using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Grains.Integrity;

/// <summary>
/// The keys that seal appeal histories (HMAC-SHA256), by key id. New events are sealed with <see cref="CurrentKeyId"/> and
/// name it; an event verifies with the key it names, so after a rotation old events keep verifying as long as their key
/// stays in the ring. The keys live outside the database (settings or a key file), so someone who can write the database
/// cannot re-seal an edited history.
/// </summary>
internal sealed partial class IntegrityKeyRing
{
    /// <summary>HMAC-SHA256 keys shorter than its output would weaken it.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>The id of <see cref="Unconfigured"/>'s published key; refused in settings, so nothing it sealed ever verifies.</summary>
    public const string UnconfiguredKeyId = "unkeyed";

    private static readonly byte[] CheckInput = "cc.integrity-key-check/v1"u8.ToArray();

    private readonly FrozenDictionary<string, byte[]> keys;

    /// <summary>A ring of <paramref name="keys"/> (id → at least <see cref="MinimumKeyBytes"/> bytes) sealing with <paramref name="currentKeyId"/>.</summary>
    public IntegrityKeyRing(string currentKeyId, IReadOnlyDictionary<string, byte[]> keys)
        : this(currentKeyId, keys, check: true)
    {
    }

    private IntegrityKeyRing(string currentKeyId, IReadOnlyDictionary<string, byte[]> keys, bool check)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (check)
        {
            foreach (var (id, key) in keys)
            {
                if (!IsValidKeyId(id) || key.Length < MinimumKeyBytes)
                {
                    throw new ArgumentException($"Key '{id}' needs an id of letters, digits, '.', '_' or '-' and at least {MinimumKeyBytes} bytes.", nameof(keys));
                }
            }
        }

        if (!keys.ContainsKey(currentKeyId))
        {
            throw new ArgumentException($"The current key '{currentKeyId}' is not among the keys.", nameof(currentKeyId));
        }

        CurrentKeyId = currentKeyId;
        this.keys = keys.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>A ring with one published all-zero key, for generated histories nobody verifies (previews, benchmarks): a
    /// deployment never has its id, so anything it sealed is reported as sealed by an unknown key.</summary>
    public static IntegrityKeyRing Unconfigured { get; } =
        new(UnconfiguredKeyId, new Dictionary<string, byte[]> { [UnconfiguredKeyId] = new byte[MinimumKeyBytes] }, check: false);

    /// <summary>The key new events are sealed with.</summary>
    public string CurrentKeyId { get; }

    /// <summary>Every key id that verifies.</summary>
    public IReadOnlyCollection<string> KeyIds => keys.Keys;

    public static bool IsValidKeyId(string id) => KeyIdPattern().IsMatch(id) && id != UnconfiguredKeyId;

    /// <summary>A new random key and an id that says when it was made (<c>k20251117-3fa9c2</c>).</summary>
    public static (string Id, byte[] Key) NewKey(DateTimeOffset now) =>
        (string.Create(CultureInfo.InvariantCulture, $"k{now.UtcDateTime:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}"),
            RandomNumberGenerator.GetBytes(MinimumKeyBytes));

    public bool Knows(string keyId) => keys.ContainsKey(keyId);

    /// <summary>The lower-case hex HMAC of <paramref name="data"/> with the key, or null when the ring has no such key.</summary>
    public string? Mac(string keyId, ReadOnlySpan<byte> data) =>
        keys.TryGetValue(keyId, out var key) ? Convert.ToHexStringLower(HMACSHA256.HashData(key, data)) : null;

    /// <summary>A value that tells two copies of a key apart without revealing it: silos compare it to find out whether
    /// they were given the same key under the same id.</summary>
    public string CheckValue(string keyId) =>
        Mac(keyId, CheckInput) ?? throw new ArgumentException($"The ring has no key '{keyId}'.", nameof(keyId));

    [GeneratedRegex("^[A-Za-z0-9._-]{1,40}$")]
    private static partial Regex KeyIdPattern();
}
