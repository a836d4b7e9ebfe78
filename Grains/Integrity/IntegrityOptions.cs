namespace Grains.Integrity;

/// <summary>The keys that seal appeal histories. Bound from the configuration section "Integrity"; every silo of a cluster
/// needs the same keys. Unset on the embedded SQLite default: a key file is made next to the database on first start.</summary>
public sealed class IntegrityOptions
{
    public const string SectionName = "Integrity";

    /// <summary>The key id new events are sealed with; may be left out when there is only one key.</summary>
    public string? CurrentKeyId { get; set; }

    /// <summary>Key id → base64 of at least 32 random bytes. Keep retired keys here: old events verify with the key they name.</summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A JSON file of the same shape (<c>{"CurrentKeyId": …, "Keys": {…}}</c>) read instead of <see cref="Keys"/>,
    /// for a key mounted as a secret file. On SQLite it is made when missing.</summary>
    public string? KeyFile { get; set; }
}
