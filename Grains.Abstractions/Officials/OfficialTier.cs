using Orleans;

namespace Grains.Abstractions.Officials;

/// <summary>The four packaging tiers (区领导、部门、镇街、村社区).</summary>
[GenerateSerializer, Alias("cc.OfficialTier")]
public enum OfficialTier
{
    /// <summary>区领导: district leaders package key enterprises and lead task forces.</summary>
    DistrictLeader,

    /// <summary>部门: department officials package by profession (行业主管部门专业分包).</summary>
    Department,

    /// <summary>镇街: town officials package the rest of their grid comprehensively.</summary>
    Town,

    /// <summary>村社区: village and community officials at the stations.</summary>
    VillageCommunity,
}
