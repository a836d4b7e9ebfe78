using System.Reflection;
using System.Text.RegularExpressions;
using Grains.Abstractions.Errors;

namespace Grains.Tests.Errors;

public sealed partial class ErrorCatalogueTests
{
    public static TheoryData<string> AllCodes()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            data.Add((string)field.GetRawConstantValue()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void Catalogue_EveryCode_HasChineseAndEnglishText(string code)
    {
        Assert.True(ErrorCatalogue.ZhCn.ContainsKey(code), $"no zh-CN text for {code}");
        Assert.True(ErrorCatalogue.En.ContainsKey(code), $"no en text for {code}");
    }

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void Catalogue_EveryCode_UsesSamePlaceholdersInBothLanguages(string code)
    {
        var zh = Placeholders(ErrorCatalogue.ZhCn[code]);
        var en = Placeholders(ErrorCatalogue.En[code]);

        Assert.Equal(en, zh);
    }

    [Fact]
    public void Catalogue_HasNoTextWithoutCode()
    {
        var codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet();

        Assert.Empty(ErrorCatalogue.ZhCn.Keys.Where(k => !codes.Contains(k)));
        Assert.Empty(ErrorCatalogue.En.Keys.Where(k => !codes.Contains(k)));
    }

    [Fact]
    public void DomainException_WithArguments_FormatsBothLanguages()
    {
        var error = new DomainException(ErrorCodes.CreditCodeLength, 17);

        Assert.Equal("enterprise.credit-code.length", error.Code);
        Assert.Equal(["17"], error.Arguments);
        Assert.Equal("A unified social credit code has 18 characters, this one has 17", error.Message);
        Assert.Equal("统一社会信用代码应为18位，当前为17位", error.MessageIn("zh-CN"));
        Assert.Equal(error.Message, error.MessageIn("en-GB"));
    }

    [Fact]
    public void DomainException_DecimalArgument_IsFormattedWithoutCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var error = new DomainException(ErrorCodes.ValueOutOfRange, "share", 0.5m);

            Assert.Equal("0.5", error.Arguments[1]);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void MessageIn_FieldArgument_IsLocalised()
    {
        var error = new DomainException(ErrorCodes.TextTooLong, "field.text", 2000, 2001);

        Assert.Equal("诉求内容不能超过2000个字符（当前2001个）", error.MessageIn("zh-CN"));
        Assert.Equal("The appeal text must not be longer than 2000 characters (it has 2001)", error.Message);
    }

    [Fact]
    public void FieldNames_SameKeysInBothLanguages()
    {
        Assert.Equal(ErrorCatalogue.FieldNamesEn.Keys.Order(), ErrorCatalogue.FieldNamesZhCn.Keys.Order());
    }

    [Fact]
    public void Format_UnknownCode_FallsBackToCodeAndArguments()
    {
        var text = ErrorCatalogue.Format("no.such.code", "en", ["a", "b"]);

        Assert.Equal("no.such.code: a, b", text);
    }

    private static string[] Placeholders(string template) =>
        PlaceholderPattern().Matches(template).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
