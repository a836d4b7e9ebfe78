namespace Dashboard.Resources;

/// <summary>Names the appeal workbench's UI strings (AppealsText.resx: Simplified Chinese; AppealsText.en.resx: English)
/// for <c>IStringLocalizer&lt;AppealsText&gt;</c>.</summary>
public sealed class AppealsText
{
    private AppealsText()
    {
    }
}
