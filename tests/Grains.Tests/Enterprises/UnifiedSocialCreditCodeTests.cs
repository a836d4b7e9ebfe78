using Grains.Abstractions.Errors;
using Grains.Enterprises;

namespace Grains.Tests.Enterprises;

public sealed class UnifiedSocialCreditCodeTests
{
    // The worked example printed in GB 32100-2015, and codes published on business licences.
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("914403001922038216")]
    [InlineData("9144030071526726XG")]
    public void Validate_PublishedCode_IsValid(string code)
    {
        Assert.Null(UnifiedSocialCreditCode.Check(code));
    }

    [Fact]
    public void ComputeCheckCharacter_StandardExample_IsThree()
    {
        Assert.Equal('3', UnifiedSocialCreditCode.ComputeCheckCharacter("91350100M000100Y4"));
    }

    [Fact]
    public void ComputeOrganizationCheck_StandardExample_IsFour()
    {
        Assert.Equal('4', UnifiedSocialCreditCode.ComputeOrganizationCheck("M000100Y"));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("91350100M000100Y4", 17)]
    [InlineData("91350100M000100Y433", 19)]
    public void Check_WrongLength_ReportsLength(string code, int length)
    {
        var error = UnifiedSocialCreditCode.Check(code);

        Assert.Equal(ErrorCodes.CreditCodeLength, error?.Code);
        Assert.Equal(length.ToString(System.Globalization.CultureInfo.InvariantCulture), error?.Arguments[0]);
    }

    [Fact]
    public void Check_Null_ReportsLength()
    {
        Assert.Equal(ErrorCodes.CreditCodeLength, UnifiedSocialCreditCode.Check(null)?.Code);
    }

    [Theory]
    [InlineData("91350100M000100I43", "16", "I")]
    [InlineData("91350100M000100O43", "16", "O")]
    [InlineData("91350100m000100Y43", "9", "m")]
    [InlineData("91350100M000100Z43", "16", "Z")]
    public void Check_ForbiddenCharacter_ReportsPositionAndCharacter(string code, string position, string character)
    {
        var error = UnifiedSocialCreditCode.Check(code);

        Assert.Equal(ErrorCodes.CreditCodeCharset, error?.Code);
        Assert.Equal([position, character], error?.Arguments);
    }

    [Fact]
    public void Check_UnknownAuthority_ReportsAuthority()
    {
        Assert.Equal(ErrorCodes.CreditCodeRegistrationAuthority, UnifiedSocialCreditCode.Check("B1350100M000100Y43")?.Code);
    }

    [Theory]
    [InlineData("94350100M000100Y43")]
    [InlineData("Y2350100M000100Y43")]
    public void Check_TypeNotOfAuthority_ReportsEntityType(string code)
    {
        Assert.Equal(ErrorCodes.CreditCodeEntityType, UnifiedSocialCreditCode.Check(code)?.Code);
    }

    [Theory]
    [InlineData("91990100M000100Y43")]
    [InlineData("9135A100M000100Y43")]
    public void Check_BadRegion_ReportsRegion(string code)
    {
        Assert.Equal(ErrorCodes.CreditCodeRegion, UnifiedSocialCreditCode.Check(code)?.Code);
    }

    [Fact]
    public void Check_WrongOrganizationCheckDigit_ReportsExpectedDigit()
    {
        var error = UnifiedSocialCreditCode.Check("91350100M000100Y53");

        Assert.Equal(ErrorCodes.CreditCodeOrganizationCode, error?.Code);
        Assert.Equal(["4"], error?.Arguments);
    }

    [Fact]
    public void Check_WrongCheckCharacter_ReportsExpectedAndFound()
    {
        var error = UnifiedSocialCreditCode.Check("91350100M000100Y44");

        Assert.Equal(ErrorCodes.CreditCodeCheckCharacter, error?.Code);
        Assert.Equal(["3", "4"], error?.Arguments);
    }

    [Fact]
    public void Check_EverySingleCharacterSubstitution_IsDetected()
    {
        const string valid = "91350100M000100Y43";
        var accepted = new List<string>();
        for (var position = 0; position < valid.Length; position++)
        {
            foreach (var replacement in UnifiedSocialCreditCode.Alphabet)
            {
                if (replacement == valid[position])
                {
                    continue;
                }

                var mutated = string.Concat(valid.AsSpan(0, position), replacement.ToString(), valid.AsSpan(position + 1));
                if (UnifiedSocialCreditCode.IsValid(mutated))
                {
                    accepted.Add(mutated);
                }
            }
        }

        Assert.Empty(accepted);
    }

    [Fact]
    public void Check_AdjacentTransposition_IsDetected()
    {
        const string valid = "914403001922038216";
        for (var i = 0; i < valid.Length - 1; i++)
        {
            if (valid[i] == valid[i + 1])
            {
                continue;
            }

            var chars = valid.ToCharArray();
            (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);

            Assert.False(UnifiedSocialCreditCode.IsValid(new string(chars)), $"transposition at {i} accepted");
        }
    }

    [Fact]
    public void Validate_InvalidCode_ThrowsDomainException()
    {
        var error = Assert.Throws<DomainException>(() => UnifiedSocialCreditCode.Validate("91350100M000100Y44"));

        Assert.Equal(ErrorCodes.CreditCodeCheckCharacter, error.Code);
    }

    [Fact]
    public void ValidateAndNormalise_LowerCaseWithSpaces_ReturnsStoredForm()
    {
        Assert.Equal("9144030071526726XG", UnifiedSocialCreditCode.ValidateAndNormalise(" 9144030071526726xg "));
    }

    [Fact]
    public void Create_StandardExampleParts_RebuildsExample()
    {
        Assert.Equal("91350100M000100Y43", UnifiedSocialCreditCode.Create("91", "350100", "M000100Y"));
    }

    [Fact]
    public void Generate_ManyCodes_AreAllValidAndKeepPrefix()
    {
        var random = new Random(7);

        for (var i = 0; i < 2_000; i++)
        {
            var code = UnifiedSocialCreditCode.Generate(random.Next, "92", "379901");

            Assert.True(UnifiedSocialCreditCode.IsValid(code), code);
            Assert.StartsWith("92379901", code, StringComparison.Ordinal);
        }
    }
}
