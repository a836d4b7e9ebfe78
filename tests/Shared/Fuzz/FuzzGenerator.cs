using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TestInfrastructure.Fuzz;

/// <summary>Turns the discovered targets into hostile posts. Request <c>i</c> depends only on the seed, <c>i</c>, the targets
/// and the sessions' tokens, so a run (or one request of it) can be replayed with the same seed.</summary>
public sealed class FuzzGenerator(int seed, IReadOnlyList<FuzzTarget> targets, IReadOnlyDictionary<string, string> tokens)
{
    public const string Anonymous = "anonymous";

    private static readonly string[] WrongContentTypes =
    [
        "text/plain", "application/json", "multipart/form-data", "application/x-www-form-urlencoded; charset=bogus", "application/xml",
        "multipart/form-data; boundary=", "*/*",
    ];

    public IReadOnlyList<FuzzTarget> Targets => targets;

    public FuzzRequest Create(int index)
    {
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var target = targets[index % targets.Count];
        var notes = new List<string>();
        // Mostly the role that saw the form; sometimes another role or nobody, to reach the refusals.
        var session = random.Next(5) == 0 ? Sessions()[random.Next(Sessions().Count)] : target.Role;
        if (session != target.Role)
        {
            notes.Add($"as {session}");
        }

        return target.IsApi ? Api(index, random, target, session, notes) : Form(index, random, target, session, notes);
    }

    private List<string> Sessions() => [.. tokens.Keys.Order(StringComparer.Ordinal)];

    private FuzzRequest Form(int index, Random random, FuzzTarget target, string session, List<string> notes)
    {
        var fields = target.Fields.ToList();
        SetToken(fields, random, session, notes);
        var editable = Enumerable.Range(0, fields.Count).Where(i => fields[i].Key is not FuzzForm.Token).ToList();
        for (var n = random.Next(1, 4); n > 0 && editable.Count > 0; n--)
        {
            var i = editable[random.Next(editable.Count)];
            var name = fields[i].Key;
            switch (random.Next(6))
            {
                case 0:
                    fields[i] = new(name, "\u0000");
                    notes.Add($"removed {name}");
                    break;
                case 1:
                    fields.Add(new(name, FuzzValues.Pick(random)));
                    notes.Add($"repeated {name}");
                    break;
                default:
                    var value = FuzzValues.Pick(random);
                    fields[i] = new(name, value);
                    notes.Add($"{name}={Short(value)}");
                    break;
            }
        }

        // "\0" alone marks a removed field.
        fields.RemoveAll(f => f.Value == "\u0000");
        if (random.Next(8) == 0)
        {
            fields.Add(new(FuzzValues.Enums[random.Next(FuzzValues.Enums.Length)], "x"));
            notes.Add("unknown field");
        }

        var (contentType, body) = random.Next(24) switch
        {
            0 or 1 => (UrlEncoded, Encoding.UTF8.GetBytes(Encode(fields) + "&" + BadPercent(random))).Note(notes, "bad percent-encoding"),
            2 or 3 => (UrlEncoded, InvalidUtf8(Encode(fields), random)).Note(notes, "invalid UTF-8"),
            4 => (UrlEncoded, Encoding.UTF8.GetBytes(Encode(Many(fields)))).Note(notes, $"{FuzzValues.ManyFields} more fields"),
            5 when random.Next(8) == 0 => (UrlEncoded, Encoding.UTF8.GetBytes(Encode([.. fields, new("Text", new string('x', FuzzValues.HugeLength))])))
                .Note(notes, "a value over 4 MiB"),
            6 or 7 => Multipart(fields).Note(notes, "multipart"),
            8 or 9 => (WrongContentTypes[random.Next(WrongContentTypes.Length)], Encoding.UTF8.GetBytes(Encode(fields))).Note(notes, "wrong content type"),
            10 => ((string?)null, Encoding.UTF8.GetBytes(Encode(fields))).Note(notes, "no content type"),
            11 => (UrlEncoded, Array.Empty<byte>()).Note(notes, "empty body"),
            _ => (UrlEncoded, Encoding.UTF8.GetBytes(Encode(fields))),
        };
        return new FuzzRequest(index, session, target.Action, contentType, body, $"{target.Role} {target.Page} form {target.Name}", string.Join("; ", notes));
    }

    private void SetToken(List<KeyValuePair<string, string>> fields, Random random, string session, List<string> notes)
    {
        fields.RemoveAll(f => f.Key == FuzzForm.Token);
        switch (random.Next(10))
        {
            case 0:
                notes.Add("no token");
                return;
            case 1:
                fields.Add(new(FuzzForm.Token, "CfDJ8" + FuzzValues.Texts[random.Next(FuzzValues.Texts.Length)]));
                notes.Add("garbage token");
                return;
            case 2:
                var other = Sessions()[random.Next(tokens.Count)];
                fields.Add(new(FuzzForm.Token, tokens[other]));
                notes.Add($"token of {other}");
                return;
            default:
                fields.Add(new(FuzzForm.Token, tokens[session]));
                return;
        }
    }

    private FuzzRequest Api(int index, Random random, FuzzTarget target, string session, List<string> notes)
    {
        var path = target.Action;
        if (random.Next(8) == 0 && target.Fields.FirstOrDefault(f => f.Key == "@id").Value is { } appeal)
        {
            var id = new[] { "x", "00000000000000000000000000000000", new string('f', 300), "%2500", "..%2F..%2Fsignin", "%FF%FE", Guid.NewGuid().ToString("N") }[random.Next(7)];
            path = path.Replace(appeal, id, StringComparison.Ordinal);
            notes.Add($"id {Short(id)}");
        }

        var json = new JsonObject();
        foreach (var (name, value) in target.Fields.Where(f => f.Key != "@id"))
        {
            json[name] = long.TryParse(value, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(value);
        }

        // A new appeal id for most intakes, so that they get past "already submitted" to the rules behind it.
        if (json.ContainsKey("Id") && random.Next(4) != 0)
        {
            json["Id"] = Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64())) + Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64()));
        }

        var names = json.Select(p => p.Key).ToList();
        for (var n = random.Next(1, 3); n > 0 && names.Count > 0; n--)
        {
            var name = names[random.Next(names.Count)];
            JsonNode? value = random.Next(9) switch
            {
                0 => null,
                1 => JsonValue.Create(long.MinValue),
                2 => new JsonArray(1, 2),
                3 => new JsonObject { ["a"] = 1 },
                4 => JsonValue.Create(true),
                5 => JsonValue.Create(1e300),
                _ => JsonValue.Create(FuzzValues.Pick(random)),
            };
            if (random.Next(5) == 0)
            {
                json.Remove(name);
                notes.Add($"removed {name}");
            }
            else
            {
                json[name] = value;
                notes.Add($"{name}={Short(value?.ToJsonString() ?? "null")}");
            }
        }

        var text = json.ToJsonString();
        var (contentType, body) = random.Next(14) switch
        {
            0 => (Json, Encoding.UTF8.GetBytes(text[..random.Next(text.Length)])).Note(notes, "truncated JSON"),
            1 => (Json, Encoding.UTF8.GetBytes(new[] { "", "null", "[]", "\"x\"", "{,}", "{\"Version\":1,}", "{\"Version\":01}", "1e999" }[random.Next(8)]))
                .Note(notes, "malformed JSON"),
            2 => (Json, InvalidUtf8(text, random)).Note(notes, "invalid UTF-8"),
            3 => (UrlEncoded, Encoding.UTF8.GetBytes(Encode(json.Select(p => new KeyValuePair<string, string>(p.Key, p.Value?.ToString() ?? ""))))).Note(notes, "form body"),
            4 => (WrongContentTypes[random.Next(WrongContentTypes.Length)], Encoding.UTF8.GetBytes(text)).Note(notes, "wrong content type"),
            5 => ((string?)null, Encoding.UTF8.GetBytes(text)).Note(notes, "no content type"),
            6 => (Json, Encoding.UTF8.GetBytes(text.Insert(text.Length - 1, ",\"Extra\":\"" + FuzzValues.Long(random, 60_000) + "\""))).Note(notes, "60,000-char extra"),
            7 => (Json, Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000))).Note(notes, "deep JSON"),
            _ => (Json, Encoding.UTF8.GetBytes(text)),
        };
        return new FuzzRequest(index, session, path, contentType, body, $"{target.Role} api {target.Name}", string.Join("; ", notes));
    }

    private const string UrlEncoded = "application/x-www-form-urlencoded";
    private const string Json = "application/json";

    private static string Encode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Escape(f.Value)}"));

    // Uri.EscapeDataString refuses lone surrogates and strings over 65,519 characters.
    private static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var chunk in value.Chunk(30_000))
        {
            builder.Append(Uri.EscapeDataString(new string(chunk).Replace('\ud800', '\ufffd').Replace('\udfff', '\ufffd')));
        }

        return builder.ToString();
    }

    private static List<KeyValuePair<string, string>> Many(List<KeyValuePair<string, string>> fields) =>
        [.. fields, .. Enumerable.Range(0, FuzzValues.ManyFields).Select(i => new KeyValuePair<string, string>($"f{i}", "x"))];

    private static string BadPercent(Random random) => new[] { "a=%zz", "%", "b=%E4%B8", "%%=%", "c=%u4E2D", "d=%00%0" }[random.Next(6)];

    private static byte[] InvalidUtf8(string text, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        bytes.InsertRange(random.Next(bytes.Count + 1), new byte[][] { [0xFF, 0xFE], [0xC3], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xC0, 0xAF] }[random.Next(5)]);
        return [.. bytes];
    }

    private static (string?, byte[]) Multipart(List<KeyValuePair<string, string>> fields)
    {
        const string boundary = "fuzzboundary7MA4YWxkTrZu0gW";
        var builder = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            builder.Append(CultureInfo.InvariantCulture, $"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }

        builder.Append(CultureInfo.InvariantCulture, $"--{boundary}--\r\n");
        return ($"multipart/form-data; boundary={boundary}", Encoding.UTF8.GetBytes(builder.ToString()));
    }

    private static string Short(string value) => value.Length > 24 ? $"{value[..12]}…({value.Length} chars)" : value;
}

internal static class FuzzNotes
{
    /// <summary>Adds what was done to the body to the request's notes.</summary>
    public static (string?, byte[]) Note(this (string?, byte[]) body, List<string> notes, string note)
    {
        notes.Add(note);
        return body;
    }
}
