using Grains.Integrity;

namespace Grains.Tests.Integrity;

/// <summary>Integrity key rings for tests: fixed bytes, so a test can make "the same id with another key".</summary>
internal static class TestKeys
{
    public const string Id = "unit-1";

    public static IntegrityKeyRing Ring(string id = Id, byte fill = 0x5a) => new(id, new Dictionary<string, byte[]> { [id] = Key(fill) });

    public static byte[] Key(byte fill) => Enumerable.Repeat(fill, IntegrityKeyRing.MinimumKeyBytes).ToArray();

    public static string Base64(byte fill) => Convert.ToBase64String(Key(fill));
}
