using Orleans;

namespace Grains.Abstractions.Sla;

/// <summary>The four response levels (四级响应协调), lowest first.</summary>
[GenerateSerializer, Alias("cc.EscalationLevel")]
public enum EscalationLevel
{
    /// <summary>镇街/驿站: the town centre or service station handles it.</summary>
    TownOrStation = 1,

    /// <summary>部门: the responsible district department.</summary>
    Department = 2,

    /// <summary>区营商环境建设服务中心: the district service centre coordinates.</summary>
    DistrictServiceCentre = 3,

    /// <summary>区领导: a district leader takes it over.</summary>
    DistrictLeader = 4,
}
