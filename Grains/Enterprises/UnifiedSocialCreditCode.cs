using System.Collections.Frozen;
using Grains.Abstractions.Errors;

namespace Grains.Enterprises;

/// <summary>
/// The unified social credit code (统一社会信用代码) of GB 32100-2015: 1 registration authority, 1 entity type,
/// 6 administrative division digits, the 9-character organisation code of GB 11714 (its own check digit last),
/// and a check character over the first 17 (weights 3^i mod 31).
/// </summary>
public static class UnifiedSocialCreditCode
{
    /// <summary>The 31 characters the standard allows, in value order (no I, O, S, V, Z).</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>The length of every code.</summary>
    public const int Length = 18;

    private static readonly int[] CheckWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private static readonly int[] OrganizationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    // GB 32100-2015 appendix A with the authorities added by later national notices (外交, 司法行政, 文化, 旅游,
    // 宗教, 工会, 军队, 农业农村). An unlisted pair is a typo far more often than a new authority.
    private static readonly FrozenDictionary<char, string> EntityTypesByAuthority = new Dictionary<char, string>
    {
        ['1'] = "1239",
        ['2'] = "19",
        ['3'] = "1234569",
        ['4'] = "19",
        ['5'] = "1239",
        ['6'] = "129",
        ['7'] = "129",
        ['8'] = "19",
        ['9'] = "123",
        ['A'] = "19",
        ['N'] = "1239",
        ['Y'] = "1",
    }.ToFrozenDictionary();

    // First two digits of GB/T 2260 division codes; 10 is used for bodies registered at national level.
    private static readonly FrozenSet<string> ProvincePrefixes = new[]
    {
        "10", "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Trims the input and upper-cases it, the form codes are stored and compared in.</summary>
    public static string Normalise(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Trim().ToUpperInvariant();
    }

    /// <summary>Whether the code is valid as written (no trimming or case folding).</summary>
    public static bool IsValid(string? code) => Check(code) is null;

    /// <summary>Throws a <see cref="DomainException"/> naming the first thing wrong with the code.</summary>
    public static void Validate(string? code)
    {
        if (Check(code) is { } error)
        {
            throw error;
        }
    }

    /// <summary>Normalises the input, validates it, and returns the stored form.</summary>
    public static string ValidateAndNormalise(string input)
    {
        var code = Normalise(input);
        Validate(code);
        return code;
    }

    /// <summary>The first reason the code is invalid, or null when it is valid.</summary>
    public static DomainException? Check(string? code)
    {
        if (code is null || code.Length != Length)
        {
            return new DomainException(ErrorCodes.CreditCodeLength, code?.Length ?? 0);
        }

        for (var i = 0; i < code.Length; i++)
        {
            if (Alphabet.IndexOf(code[i], StringComparison.Ordinal) < 0)
            {
                return new DomainException(ErrorCodes.CreditCodeCharset, i + 1, code[i]);
            }
        }

        if (!EntityTypesByAuthority.TryGetValue(code[0], out var entityTypes))
        {
            return new DomainException(ErrorCodes.CreditCodeRegistrationAuthority, code[0]);
        }

        if (!entityTypes.Contains(code[1], StringComparison.Ordinal))
        {
            return new DomainException(ErrorCodes.CreditCodeEntityType, code[..2]);
        }

        var region = code.Substring(2, 6);
        if (!region.All(char.IsAsciiDigit) || !ProvincePrefixes.Contains(region[..2]))
        {
            return new DomainException(ErrorCodes.CreditCodeRegion, region);
        }

        var organizationCheck = ComputeOrganizationCheck(code.AsSpan(8, 8));
        if (code[16] != organizationCheck)
        {
            return new DomainException(ErrorCodes.CreditCodeOrganizationCode, organizationCheck);
        }

        var check = ComputeCheckCharacter(code.AsSpan(0, 17));
        if (code[17] != check)
        {
            return new DomainException(ErrorCodes.CreditCodeCheckCharacter, check, code[17]);
        }

        return null;
    }

    /// <summary>The GB 32100 check character for the first 17 characters.</summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("The check character is computed over exactly 17 characters.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not in the credit code alphabet.", nameof(first17));
            }

            sum += value * CheckWeights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>The GB 11714 check digit of an organisation code body of 8 characters ('X' stands for 10).</summary>
    public static char ComputeOrganizationCheck(ReadOnlySpan<char> body8)
    {
        if (body8.Length != 8)
        {
            throw new ArgumentException("The organisation check digit is computed over exactly 8 characters.", nameof(body8));
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            // GB 11714 values letters A-Z as 10-35, including the letters GB 32100 later excluded.
            var c = body8[i];
            var value = char.IsAsciiDigit(c) ? c - '0'
                : char.IsAsciiLetterUpper(c) ? c - 'A' + 10
                : throw new ArgumentException($"'{c}' is not allowed in an organisation code.", nameof(body8));
            sum += value * OrganizationWeights[i];
        }

        return (11 - (sum % 11)) switch
        {
            10 => 'X',
            11 => '0',
            var digit => (char)('0' + digit),
        };
    }

    /// <summary>Builds a valid code from authority and type (e.g. "91"), a 6-digit division code and an 8-character organisation body.</summary>
    public static string Create(string authorityAndType, string region, string organizationBody)
    {
        ArgumentNullException.ThrowIfNull(authorityAndType);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(organizationBody);
        if (authorityAndType.Length != 2 || region.Length != 6 || organizationBody.Length != 8)
        {
            throw new ArgumentException("Expected 2 + 6 + 8 characters.");
        }

        Span<char> code = stackalloc char[Length];
        authorityAndType.AsSpan().CopyTo(code);
        region.AsSpan().CopyTo(code[2..]);
        organizationBody.AsSpan().CopyTo(code[8..]);
        code[16] = ComputeOrganizationCheck(code.Slice(8, 8));
        code[17] = ComputeCheckCharacter(code[..17]);
        var result = new string(code);
        Validate(result);
        return result;
    }

    /// <summary>A valid code with a random organisation body drawn from <paramref name="next"/> (which returns 0 ≤ n &lt; max).</summary>
    public static string Generate(Func<int, int> next, string authorityAndType, string region)
    {
        ArgumentNullException.ThrowIfNull(next);
        Span<char> body = stackalloc char[8];
        for (var i = 0; i < body.Length; i++)
        {
            body[i] = Alphabet[next(Alphabet.Length)];
        }

        return Create(authorityAndType, region, new string(body));
    }
}
