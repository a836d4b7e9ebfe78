namespace Dashboard.Hosting;

/// <summary>The UI languages: Simplified Chinese (default) and English.</summary>
internal static class DashboardCultures
{
    public const string Default = "zh-Hans";
    public const string English = "en";

    public static IReadOnlyList<string> Supported { get; } = [Default, English];

    /// <summary>The supported culture named, else the default.</summary>
    public static string Find(string? name) =>
        Supported.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase)) ?? Default;
}
