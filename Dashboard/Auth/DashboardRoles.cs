namespace Dashboard.Auth;

/// <summary>The roles of the command centre's users (DOMAIN.md, "Who uses it").</summary>
public static class DashboardRoles
{
    /// <summary>District leader (区领导): the wall, read-only.</summary>
    public const string Leader = "leader";

    /// <summary>Service-centre dispatcher (营商环境建设服务中心).</summary>
    public const string Dispatcher = "dispatcher";

    /// <summary>Department handler (部门); scope: the department id.</summary>
    public const string Department = "department";

    /// <summary>Project steward (项目管家); scope: the steward id.</summary>
    public const string Steward = "steward";

    /// <summary>Town centre operator (镇街中心); scope: the town id.</summary>
    public const string Town = "town";

    /// <summary>Enterprise (企业); scope: the enterprise id.</summary>
    public const string Enterprise = "enterprise";

    /// <summary>System administrator: users and the runtime page.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Leader, Dispatcher, Department, Steward, Town, Enterprise, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
