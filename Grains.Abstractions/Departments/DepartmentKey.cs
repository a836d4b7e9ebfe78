namespace Grains.Abstractions.Departments;

/// <summary>The key of a department grain: departments are per district ("finance" exists in every district), so the
/// grain key is "districtCode/departmentCode" while records and the read model keep the plain department code.</summary>
public static class DepartmentKey
{
    private const char Separator = '/';

    /// <summary>The grain key of a district's department.</summary>
    public static string Of(string districtCode, string departmentCode)
    {
        ArgumentException.ThrowIfNullOrEmpty(districtCode);
        ArgumentException.ThrowIfNullOrEmpty(departmentCode);
        return $"{districtCode}{Separator}{departmentCode}";
    }

    /// <summary>The department code inside a grain key (the key itself when it has no district part).</summary>
    public static string DepartmentCode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var at = key.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? key : key[(at + 1)..];
    }

    /// <summary>The district code inside a grain key (empty when it has no district part).</summary>
    public static string DistrictCode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var at = key.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? string.Empty : key[..at];
    }
}
