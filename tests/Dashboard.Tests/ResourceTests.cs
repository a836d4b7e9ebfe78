using System.Collections;
using System.Globalization;
using System.Resources;
using Dashboard.Resources;
using Grains.Abstractions.District;

namespace Dashboard.Tests;

/// <summary>Every string exists in both languages: a key missing from one file shows its raw name on screen.</summary>
public sealed class ResourceTests
{
    public static TheoryData<string> ResourceNames { get; } =
        [.. new[] { typeof(SharedResource), typeof(AppealsText), typeof(EnterpriseDirectoryText), typeof(FieldText), typeof(TownText) }
            .Select(type => type.FullName!)];

    [Theory]
    [MemberData(nameof(ResourceNames))]
    public void Keys_ChineseAndEnglish_Same(string baseName)
    {
        // Arrange
        var resources = new ResourceManager(baseName, typeof(SharedResource).Assembly);

        // Act
        var chinese = Keys(resources, CultureInfo.InvariantCulture);
        var english = Keys(resources, CultureInfo.GetCultureInfo("en"));

        // Assert
        Assert.Empty(chinese.Except(english));
        Assert.Empty(english.Except(chinese));
    }

    [Fact]
    public void EventKinds_EveryKind_NamedForTheFeed()
    {
        // Arrange
        var keys = Keys(new ResourceManager(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly), CultureInfo.InvariantCulture);

        // Act
        var missing = Enum.GetNames<DistrictEventKind>().Select(kind => $"Event_{kind}").Where(key => !keys.Contains(key));

        // Assert
        Assert.Empty(missing);
    }

    private static HashSet<string> Keys(ResourceManager resources, CultureInfo culture)
    {
        var set = resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No {culture.Name} resources for {resources.BaseName}.");
        return [.. set.Cast<DictionaryEntry>().Select(entry => (string)entry.Key)];
    }
}
