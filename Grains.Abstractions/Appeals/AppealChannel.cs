using Orleans;

namespace Grains.Abstractions.Appeals;

/// <summary>The five intake channels (五端诉求收集) an appeal can come in through.</summary>
[GenerateSerializer, Alias("cc.AppealChannel")]
public enum AppealChannel
{
    /// <summary>12345 政务服务热线.</summary>
    Hotline12345,

    /// <summary>线上平台/手机应用: the online platform or phone app.</summary>
    Online,

    /// <summary>服务中心窗口: a service-centre or station window.</summary>
    ServiceWindow,

    /// <summary>包联干部走访: raised by a package official during a visit.</summary>
    OfficialVisit,

    /// <summary>远程视频帮办（云坐席）: the remote video help desk.</summary>
    RemoteVideo,
}
