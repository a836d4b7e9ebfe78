namespace Grains.Abstractions.Departments;

/// <summary>Stable keys of the district departments that lead the default appeal categories.</summary>
public static class DepartmentCodes
{
    /// <summary>区营商环境建设办公室 / 服务中心: the district business environment office and service centre.</summary>
    public const string BusinessEnvironment = "business-environment";
    /// <summary>区发展和改革局: development and reform.</summary>
    public const string DevelopmentReform = "development-reform";
    /// <summary>区金融发展服务中心: finance development service centre.</summary>
    public const string Finance = "finance";
    /// <summary>区委组织部（区委人才办）: organisation department and talent office.</summary>
    public const string Talent = "talent";
    /// <summary>区司法局: justice bureau.</summary>
    public const string Justice = "justice";
    /// <summary>区科技局: science and technology bureau.</summary>
    public const string ScienceTechnology = "science-technology";
    /// <summary>区商务局: commerce bureau.</summary>
    public const string Commerce = "commerce";
    /// <summary>区数据服务中心: data service centre.</summary>
    public const string Data = "data";
    /// <summary>区应急管理局: emergency management bureau.</summary>
    public const string Emergency = "emergency";
}
