namespace Dashboard.Resources;

/// <summary>Names the enterprise directory's strings (EnterpriseDirectoryText.resx: Simplified Chinese;
/// EnterpriseDirectoryText.en.resx: English) for <c>IStringLocalizer&lt;EnterpriseDirectoryText&gt;</c>.</summary>
public sealed class EnterpriseDirectoryText
{
    private EnterpriseDirectoryText()
    {
    }
}
