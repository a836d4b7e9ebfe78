using MudBlazor;

namespace Dashboard.Components.Layout;

/// <summary>The light theme of the workbenches: the command centre's navy, and the fonts the machines have (no web fonts:
/// walls and offices may be offline). Colours keep at least 4.5:1 contrast on white.</summary>
internal static class WorkbenchTheme
{
    private static readonly string[] Fonts =
        ["system-ui", "-apple-system", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Segoe UI", "sans-serif"];

    public static MudTheme Light { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#13315c",
            Secondary = "#8a4b00",
            AppbarBackground = "#0b2545",
            AppbarText = "#ffffff",
            Background = "#f4f6f9",
            TextSecondary = "#4a5563",
            Success = "#1b6e3a",
            Warning = "#8a5a00",
            Error = "#b3261e",
            Info = "#0b5cab",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
            H1 = new H1Typography { FontFamily = Fonts },
            H2 = new H2Typography { FontFamily = Fonts },
            H3 = new H3Typography { FontFamily = Fonts },
            H4 = new H4Typography { FontFamily = Fonts, FontSize = "1.75rem" },
            H5 = new H5Typography { FontFamily = Fonts },
            H6 = new H6Typography { FontFamily = Fonts },
            Button = new ButtonTypography { FontFamily = Fonts, TextTransform = "none" },
            Body1 = new Body1Typography { FontFamily = Fonts },
            Body2 = new Body2Typography { FontFamily = Fonts },
            Caption = new CaptionTypography { FontFamily = Fonts },
            Subtitle1 = new Subtitle1Typography { FontFamily = Fonts },
            Subtitle2 = new Subtitle2Typography { FontFamily = Fonts },
            Overline = new OverlineTypography { FontFamily = Fonts },
        },
    };
}
