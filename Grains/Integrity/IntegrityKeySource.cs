using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Storage;

namespace Grains.Integrity;

/// <summary>
/// Finds the integrity keys at start-up: the settings (<c>Integrity:Keys</c>), else a key file (<c>Integrity:KeyFile</c>,
/// or on SQLite <c>&lt;database&gt;.integrity-keys.json</c> next to the database file, made on first start, readable by
/// its owner only). A PostgreSQL deployment has no default: its silos must share keys nobody can read from the database, so
/// it refuses to start without them.
/// </summary>
internal static partial class IntegrityKeySource
{
    public const string DefaultFileSuffix = ".integrity-keys.json";

    private const string Section = IntegrityOptions.SectionName;

    private static readonly JsonSerializerOptions FileFormat = new() { WriteIndented = true };

    public static IntegrityKeyRing Load(IntegrityOptions options, StorageOptions storage, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        if (options.Keys.Count > 0)
        {
            var fromSettings = Parse(options.CurrentKeyId, options.Keys, $"{Section}:Keys");
            LogLoaded(logger, fromSettings.CurrentKeyId, string.Join(", ", fromSettings.KeyIds), "the settings");
            return fromSettings;
        }

        var embedded = storage.Provider == DatabaseProvider.Sqlite;
        var path = options.KeyFile is { Length: > 0 } file ? Path.GetFullPath(file) : embedded ? DefaultKeyFile(storage.ConnectionString) : null;
        if (path is null)
        {
            throw new SettingsException(
                $"{Section}:Keys is not set: on PostgreSQL every silo must seal appeal histories with the same key, " +
                $"kept outside the database. Set {Section}:CurrentKeyId and {Section}:Keys:<id> (base64 of {IntegrityKeyRing.MinimumKeyBytes} random bytes), " +
                $"or {Section}:KeyFile, the same on every silo (Grains/README.md, Integrity).");
        }

        if (path.Length == 0)
        {
            // An in-memory database is gone with the process, and so may its key be.
            var (id, key) = IntegrityKeyRing.NewKey(time.GetUtcNow());
            LogLoaded(logger, id, id, "a key made for this in-memory database");
            return new IntegrityKeyRing(id, new Dictionary<string, byte[]> { [id] = key });
        }

        if (File.Exists(path))
        {
            return ReadFile(path, logger);
        }

        if (!embedded)
        {
            throw new SettingsException($"{Section}:KeyFile '{path}' does not exist; copy the key file every silo uses there.");
        }

        return CreateFile(path, time, logger);
    }

    /// <summary>Where the embedded default keeps its key: beside the SQLite file, as <c>commandcentre.integrity-keys.json</c>
    /// beside <c>commandcentre.db</c>; empty for an in-memory database.</summary>
    public static string DefaultKeyFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return string.Empty;
        }

        var database = Path.GetFullPath(builder.DataSource);
        return Path.Combine(Path.GetDirectoryName(database) ?? ".", Path.GetFileNameWithoutExtension(database) + DefaultFileSuffix);
    }

    private static IntegrityKeyRing Parse(string? currentKeyId, IReadOnlyDictionary<string, string> encoded, string where)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, value) in encoded)
        {
            if (!IntegrityKeyRing.IsValidKeyId(id))
            {
                throw new SettingsException(
                    $"{where}: key id '{id}' must be 1–40 letters, digits, '.', '_' or '-' (and not '{IntegrityKeyRing.UnconfiguredKeyId}').");
            }

            var key = new byte[(value?.Length ?? 0) * 3 / 4 + 3];
            if (!Convert.TryFromBase64String(value ?? string.Empty, key, out var length) || length < IntegrityKeyRing.MinimumKeyBytes)
            {
                throw new SettingsException($"{where}:{id} must be base64 of at least {IntegrityKeyRing.MinimumKeyBytes} random bytes.");
            }

            keys[id] = key[..length];
        }

        var current = currentKeyId is { Length: > 0 } named ? named : keys.Count == 1 ? keys.Keys.Single() : null;
        if (current is null || !keys.ContainsKey(current))
        {
            throw new SettingsException(current is null
                ? $"{Section}:CurrentKeyId is not set; with several keys, name the one new events are sealed with."
                : $"{Section}:CurrentKeyId '{current}' is not among the keys of {where}.");
        }

        return new IntegrityKeyRing(current, keys);
    }

    private static IntegrityKeyRing ReadFile(string path, ILogger logger)
    {
        KeyFile? content;
        try
        {
            content = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new SettingsException($"The integrity key file '{path}' cannot be read: {exception.Message}");
        }

        if (content?.Keys is not { Count: > 0 } keys)
        {
            throw new SettingsException($"The integrity key file '{path}' holds no keys.");
        }

        var ring = Parse(content.CurrentKeyId, keys, $"the key file '{path}'");
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
        {
            LogReadableByOthers(logger, path);
        }

        LogLoaded(logger, ring.CurrentKeyId, string.Join(", ", ring.KeyIds), path);
        return ring;
    }

    private static IntegrityKeyRing CreateFile(string path, TimeProvider time, ILogger logger)
    {
        var (id, key) = IntegrityKeyRing.NewKey(time.GetUtcNow());
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            JsonSerializer.Serialize(stream, new KeyFile(id, new Dictionary<string, string> { [id] = Convert.ToBase64String(key) }), FileFormat);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first: use that one.
            return ReadFile(path, logger);
        }

        LogCreated(logger, id, path);
        return new IntegrityKeyRing(id, new Dictionary<string, byte[]> { [id] = key });
    }

    private sealed record KeyFile(string? CurrentKeyId, Dictionary<string, string>? Keys);

    [LoggerMessage(Level = LogLevel.Information, Message = "Appeal histories are sealed with integrity key {KeyId}; keys that verify: {KeyIds} (from {Source})")]
    private static partial void LogLoaded(ILogger logger, string keyId, string keyIds, string source);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Made integrity key {KeyId} in {Path} (readable by this user only). Keep it out of the database and back it up apart from it: without it no appeal history verifies")]
    private static partial void LogCreated(ILogger logger, string keyId, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The integrity key file {Path} can be read by other users; make it readable by its owner only (chmod 600)")]
    private static partial void LogReadableByOthers(ILogger logger, string path);
}
