using Orleans;

namespace Grains.Abstractions.Projects;

/// <summary>The stages of a key project, in order.</summary>
[GenerateSerializer, Alias("cc.ProjectStage")]
public enum ProjectStage
{
    /// <summary>洽谈: under negotiation.</summary>
    Negotiation,

    /// <summary>签约: agreement signed.</summary>
    Signed,

    /// <summary>审批: permits and approvals in progress.</summary>
    Approval,

    /// <summary>开工: construction started.</summary>
    Started,

    /// <summary>建设: under construction.</summary>
    Building,

    /// <summary>竣工: construction completed.</summary>
    Completed,

    /// <summary>投产: in production.</summary>
    InProduction,
}
