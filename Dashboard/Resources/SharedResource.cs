using System.Resources;

// The neutral SharedResource.resx holds the Simplified Chinese strings, the default language.
[assembly: NeutralResourcesLanguage("zh-Hans")]

namespace Dashboard.Resources;

/// <summary>Names the shared UI strings (SharedResource.resx: Simplified Chinese; SharedResource.en.resx: English)
/// for <c>IStringLocalizer&lt;SharedResource&gt;</c>.</summary>
public sealed class SharedResource
{
    private SharedResource()
    {
    }
}
