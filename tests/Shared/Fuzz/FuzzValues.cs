namespace TestInfrastructure.Fuzz;

/// <summary>Hostile field values: each one a way a hand-made post differs from what the page's form sends.</summary>
public static class FuzzValues
{
    /// <summary>Over ASP.NET Core's default 4 MiB limit for one form value.</summary>
    public const int HugeLength = 4 * 1024 * 1024 + 100;

    /// <summary>Over ASP.NET Core's default limit of 1,024 form fields.</summary>
    public const int ManyFields = 1100;

    public static readonly string[] Numbers =
    [
        "-1", "0", "-9223372036854775808", "9223372036854775807", "99999999999999999999999999", "1e308", "-1e308", "NaN",
        "Infinity", "0x10", "1,5", "１２３", "3.4028235E+39", " 7 ", "+-1", "",
    ];

    public static readonly string[] Dates =
    [
        "2026-13-45", "0000-00-00", "9999-12-31T23:59:59Z", "1900-02-29", "yesterday", "2026/01/01", "31.12.2026", "-2026-01-01",
        "2026-01-01T25:61:61", "",
    ];

    public static readonly string[] Enums =
    [
        "Bogus", "999", "-1", "normal", "NORMAL", "2147483648", "Normal,Urgent", "null", "undefined", "Hotline12345\u0000", "",
    ];

    public static readonly string[] Texts =
    [
        "a\u0000b", "\u0001\u0002\u0003\u001b[31m", "\r\n\r\n", "\ud800", "\udfff\ud800", "<script>alert(1)</script>", "' OR 1=1 --", "%%%",
        "\\", "../../etc/passwd", "ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ", "\u202e\u2066", "\ufeff", "  ", "null",
    ];

    /// <summary>A value for a field: mostly one of the lists above, sometimes long.</summary>
    public static string Pick(Random random) => random.Next(10) switch
    {
        0 or 1 => Numbers[random.Next(Numbers.Length)],
        2 => Dates[random.Next(Dates.Length)],
        3 or 4 => Enums[random.Next(Enums.Length)],
        5 => Long(random, random.Next(2) == 0 ? 60_000 : 2_000),
        _ => Texts[random.Next(Texts.Length)],
    };

    /// <summary>A long search-like string of the given length: mixed characters, LIKE wildcards and escapes included.</summary>
    public static string Long(Random random, int length)
    {
        const string alphabet = "ab%_*[]^\\企业服务0123456789 ";
        return string.Create(length, random.Next(), (span, seed) =>
        {
            var local = new Random(seed);
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[local.Next(alphabet.Length)];
            }
        });
    }
}
