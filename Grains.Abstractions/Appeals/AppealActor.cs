using Orleans;

namespace Grains.Abstractions.Appeals;

/// <summary>Who acts on an appeal, in which role, for which unit and through which channel, and which version of the
/// appeal they decided on.</summary>
/// <param name="Id">The person's or system's stable id.</param>
/// <param name="Role">The role the person acts in.</param>
/// <param name="Unit">The department, town or enterprise the person acts for, when the role has one.</param>
/// <param name="Channel">Where the action came from.</param>
[GenerateSerializer, Immutable, Alias("cc.AppealActor")]
public sealed record AppealActor(
    [property: Id(0)] string Id,
    [property: Id(1)] ActorRole Role,
    [property: Id(2)] string? Unit,
    [property: Id(3)] ActionChannel Channel)
{
    /// <summary>The appeal's <see cref="Appeal.EventCount"/> on the screen the person acted from; when set, the appeal
    /// refuses the command with <see cref="Errors.ErrorCodes.AppealChanged"/> if anyone changed it since. Null: act on
    /// whatever the appeal is now (the system, imports).</summary>
    [Id(4)]
    public long? SeenVersion { get; init; }
}

/// <summary>The roles that act on appeals.</summary>
[GenerateSerializer, Alias("cc.ActorRole")]
public enum ActorRole
{
    /// <summary>企业: the enterprise that raised the appeal.</summary>
    Enterprise,

    /// <summary>服务中心调度员: a dispatcher of the district service centre.</summary>
    Dispatcher,

    /// <summary>部门经办人: a handler in a department.</summary>
    DepartmentHandler,

    /// <summary>镇街中心: a town centre or service station.</summary>
    TownCentre,

    /// <summary>包联干部: a package official.</summary>
    PackageOfficial,

    /// <summary>区领导: a district leader.</summary>
    DistrictLeader,

    /// <summary>系统: automatic actions such as reminders.</summary>
    System,
}

/// <summary>Where an action on an appeal came from: an intake channel, the workbench, a phone, or the system itself.</summary>
[GenerateSerializer, Alias("cc.ActionChannel")]
public enum ActionChannel
{
    /// <summary>12345 政务服务热线.</summary>
    Hotline12345,

    /// <summary>线上平台/手机应用.</summary>
    Online,

    /// <summary>服务中心窗口.</summary>
    ServiceWindow,

    /// <summary>包联干部走访.</summary>
    OfficialVisit,

    /// <summary>远程视频帮办.</summary>
    RemoteVideo,

    /// <summary>工作台: the browser workbench.</summary>
    Workbench,

    /// <summary>移动端: a phone.</summary>
    Mobile,

    /// <summary>系统: automatic.</summary>
    System,
}
