namespace Dashboard.Resources;

/// <summary>Names the strings of the field pages (steward, enterprise, enterprise self-service) for
/// <c>IStringLocalizer&lt;FieldText&gt;</c>: FieldText.resx (Simplified Chinese) and FieldText.en.resx (English).</summary>
public sealed class FieldText
{
    private FieldText()
    {
    }
}
