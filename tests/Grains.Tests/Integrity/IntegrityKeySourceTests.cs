using Grains.Integrity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Storage;

namespace Grains.Tests.Integrity;

/// <summary>Where the integrity keys come from: settings, a key file, or on the embedded SQLite default a key file made on
/// first start beside the database; never the database, and never a default on PostgreSQL.</summary>
public sealed class IntegrityKeySourceTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("cc-integrity-keys-").FullName;
    private readonly CapturedLog log = new();

    private ILogger Logger => log.CreateLogger("test");

    private StorageOptions Sqlite => new()
    {
        Provider = DatabaseProvider.Sqlite,
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "commandcentre.db") }.ToString(),
    };

    private static StorageOptions Postgres => new() { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=127.0.0.1;Database=cc" };

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Load_SqliteWithoutKeys_MakesAnOwnerOnlyKeyFileBesideTheDatabaseAndLogsWhere()
    {
        var ring = IntegrityKeySource.Load(new IntegrityOptions(), Sqlite, TimeProvider.System, Logger);

        var file = Path.Combine(directory, "commandcentre" + IntegrityKeySource.DefaultFileSuffix);
        Assert.True(File.Exists(file));
        Assert.Contains(ring.CurrentKeyId, File.ReadAllText(file), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        Assert.True(log.Contains(ring.CurrentKeyId, file), string.Join(Environment.NewLine, log.Lines));
    }

    [Fact]
    public void Load_SqliteSecondStart_ReadsTheKeyMadeOnTheFirst()
    {
        var first = IntegrityKeySource.Load(new IntegrityOptions(), Sqlite, TimeProvider.System, Logger);

        var second = IntegrityKeySource.Load(new IntegrityOptions(), Sqlite, TimeProvider.System, Logger);

        Assert.Equal(first.CurrentKeyId, second.CurrentKeyId);
        Assert.Equal(first.CheckValue(first.CurrentKeyId), second.CheckValue(second.CurrentKeyId));
    }

    [Fact]
    public void Load_PostgresWithoutKeys_RefusesNamingTheSettings()
    {
        var error = Assert.Throws<SettingsException>(() => IntegrityKeySource.Load(new IntegrityOptions(), Postgres, TimeProvider.System, Logger));

        Assert.Contains("Integrity:Keys", error.Message, StringComparison.Ordinal);
        Assert.Contains("Integrity:CurrentKeyId", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public void Load_PostgresKeyFileMissing_Refuses()
    {
        var options = new IntegrityOptions { KeyFile = Path.Combine(directory, "keys.json") };

        var error = Assert.Throws<SettingsException>(() => IntegrityKeySource.Load(options, Postgres, TimeProvider.System, Logger));

        Assert.Contains("keys.json", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(options.KeyFile));
    }

    [Fact]
    public void Load_PostgresKeyFileOfSettingsShape_SealsWithItsCurrentKey()
    {
        var file = Path.Combine(directory, "keys.json");
        File.WriteAllText(file, $$"""{ "CurrentKeyId": "k2", "Keys": { "k1": "{{TestKeys.Base64(1)}}", "k2": "{{TestKeys.Base64(2)}}" } }""");

        var ring = IntegrityKeySource.Load(new IntegrityOptions { KeyFile = file }, Postgres, TimeProvider.System, Logger);

        Assert.Equal("k2", ring.CurrentKeyId);
        Assert.Equal(["k1", "k2"], ring.KeyIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_KeysInSettings_UsesThemAndMakesNoFile()
    {
        var options = new IntegrityOptions { CurrentKeyId = "k2", Keys = { ["k1"] = TestKeys.Base64(1), ["k2"] = TestKeys.Base64(2) } };

        var ring = IntegrityKeySource.Load(options, Sqlite, TimeProvider.System, Logger);

        Assert.Equal("k2", ring.CurrentKeyId);
        Assert.True(ring.Knows("k1"));
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public void Load_OneKeyWithoutCurrentKeyId_SealsWithIt()
    {
        var ring = IntegrityKeySource.Load(new IntegrityOptions { Keys = { ["only"] = TestKeys.Base64(3) } }, Postgres, TimeProvider.System, Logger);

        Assert.Equal("only", ring.CurrentKeyId);
    }

    [Theory]
    [InlineData("k1", "c2hvcnQ=", null, "at least 32")]
    [InlineData("k1", "not base64!", null, "base64")]
    [InlineData("bad id", null, null, "key id")]
    [InlineData(IntegrityKeyRing.UnconfiguredKeyId, null, null, "key id")]
    [InlineData("k1", null, "k9", "k9")]
    public void Load_WrongSettings_RefusesNamingTheProblem(string keyId, string? key, string? currentKeyId, string expected)
    {
        var options = new IntegrityOptions { CurrentKeyId = currentKeyId, Keys = { [keyId] = key ?? TestKeys.Base64(4), ["k0"] = TestKeys.Base64(5) } };
        options.CurrentKeyId ??= "k0";

        var error = Assert.Throws<SettingsException>(() => IntegrityKeySource.Load(options, Postgres, TimeProvider.System, Logger));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralKeysWithoutCurrentKeyId_Refuses()
    {
        var options = new IntegrityOptions { Keys = { ["k1"] = TestKeys.Base64(1), ["k2"] = TestKeys.Base64(2) } };

        var error = Assert.Throws<SettingsException>(() => IntegrityKeySource.Load(options, Postgres, TimeProvider.System, Logger));

        Assert.Contains("Integrity:CurrentKeyId", error.Message, StringComparison.Ordinal);
    }
}
