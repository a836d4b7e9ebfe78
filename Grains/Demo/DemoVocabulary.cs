using Grains.Abstractions.Departments;
using Grains.Abstractions.Enterprises;

namespace Grains.Demo;

/// <summary>Word lists of the demo district. Place names are made of rare character pairs and every enterprise and project carries the 示范区 prefix, so nothing reads as a real place or firm.</summary>
internal static class DemoVocabulary
{
    public static readonly string[] PlaceFirst =
        ["澜", "霁", "棠", "琅", "泓", "芷", "蘅", "汀", "岚", "璟", "筠", "湄", "萝", "苇", "蔚", "砚", "檀", "翎", "沅", "蓁", "珂", "琮", "瑜", "篁"];

    public static readonly string[] PlaceSecond =
        ["屿", "湾", "渚", "岙", "泾", "埠", "垟", "畈", "浦", "岭", "坞", "洲", "汇", "塘", "野", "皋"];

    public static readonly string[] TradeNames =
        ["恒", "瑞", "鑫", "盛", "源", "达", "泰", "宏", "锦", "晟", "骏", "创", "博", "融", "嘉", "越", "弘", "睿", "拓", "耀",
         "航", "驰", "丰", "信", "宸", "澜", "霁", "琅", "翊", "璞", "烨", "岑", "砺", "珩", "昀", "曦"];

    public static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高",
         "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余"];

    public static readonly string[] GivenNameChars =
        ["伟", "芳", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "霞", "平", "刚", "文", "辉",
         "建", "晓", "红", "玲", "宇", "浩", "凯", "鹏", "婷", "雪", "琳", "晨", "阳", "欣", "怡", "博", "思", "佳", "雨", "俊"];

    public static readonly string[] ServiceItems =
        ["企业开办", "社保参保登记", "医保业务", "公积金业务", "不动产登记预约", "税费代办", "惠企政策兑现", "用工招聘对接",
         "法律咨询", "融资对接", "证照代办", "水电气网报装", "项目审批帮办", "知识产权咨询"];

    public static readonly Industry[] Industries =
    [
        new("manufacturing", "制造业", 28, ["精密机械", "新材料", "电子科技", "汽车零部件", "塑料制品", "五金制品", "智能装备"]),
        new("wholesale-retail", "批发零售", 24, ["商贸", "贸易", "百货", "建材经营", "食品销售"]),
        new("services", "商务服务", 11, ["企业管理咨询", "人力资源服务", "广告传媒", "会展服务"]),
        new("construction", "建筑业", 6, ["建设工程", "建筑安装", "装饰工程", "市政工程"]),
        new("software-it", "软件信息", 6, ["信息技术", "软件开发", "数据科技", "网络科技"]),
        new("logistics", "交通物流", 5, ["物流", "供应链管理", "仓储服务", "运输"]),
        new("food-catering", "住宿餐饮", 7, ["餐饮管理", "酒店管理", "食品"]),
        new("agriculture", "农林牧渔", 3, ["农业开发", "生态农业", "水产养殖"]),
        new("finance", "金融", 1, ["融资租赁", "投资管理"]),
        new("real-estate", "房地产", 2, ["房地产开发", "物业管理"]),
        new("healthcare", "医药健康", 3, ["医药", "医疗器械", "健康管理"]),
        new("culture-tourism", "文化旅游", 4, ["文化传播", "旅游开发", "文创"]),
    ];

    public static readonly DepartmentProfile[] Departments =
    [
        new(DepartmentCodes.BusinessEnvironment, "区营商环境建设服务中心", "District Business Environment Service Centre"),
        new(DepartmentCodes.DevelopmentReform, "区发展和改革局", "Development and Reform Bureau"),
        new(DepartmentCodes.Finance, "区金融发展服务中心", "Finance Development Service Centre"),
        new(DepartmentCodes.Talent, "区委组织部（区委人才办）", "Organisation Department (Talent Office)"),
        new(DepartmentCodes.Justice, "区司法局", "Justice Bureau"),
        new(DepartmentCodes.ScienceTechnology, "区科技局", "Science and Technology Bureau"),
        new(DepartmentCodes.Commerce, "区商务局", "Commerce Bureau"),
        new(DepartmentCodes.Data, "区数据服务中心", "Data Service Centre"),
        new(DepartmentCodes.Emergency, "区应急管理局", "Emergency Management Bureau"),
        new("economy-information", "区经济和信息化局", "Economy and Information Technology Bureau"),
        new("natural-resources", "区自然资源和规划分局", "Natural Resources and Planning Branch"),
        new("housing-construction", "区住房和城乡建设局", "Housing and Construction Bureau"),
        new("market-regulation", "区市场监督管理局", "Market Regulation Bureau"),
        new("human-resources", "区人力资源和社会保障局", "Human Resources and Social Security Bureau"),
        new("ecology-environment", "区生态环境分局", "Ecology and Environment Branch"),
        new("transport", "区交通运输局", "Transport Bureau"),
        new("agriculture", "区农业农村局", "Agriculture and Rural Affairs Bureau"),
        new("culture-tourism", "区文化和旅游局", "Culture and Tourism Bureau"),
    ];

    /// <summary>The industries a department's officials know professionally (行业主管部门专业分包).</summary>
    public static string[] IndustriesOf(string departmentCode) => departmentCode switch
    {
        "economy-information" => ["manufacturing", "software-it"],
        DepartmentCodes.ScienceTechnology => ["software-it", "manufacturing", "healthcare"],
        DepartmentCodes.Commerce => ["wholesale-retail", "logistics", "food-catering"],
        DepartmentCodes.Finance => ["finance"],
        "agriculture" => ["agriculture"],
        "housing-construction" => ["construction", "real-estate"],
        "culture-tourism" => ["culture-tourism"],
        "market-regulation" => ["wholesale-retail", "food-catering", "healthcare"],
        "human-resources" => ["services"],
        "transport" => ["logistics"],
        _ => [],
    };

    public static readonly (string Category, double Weight, string Template, string[] Fill)[] AppealTopics =
    [
        ("policy", 22, "申请{0}时材料要求不明确，希望明确办理口径并尽快兑现", ["研发费用补助", "技改补贴", "稳岗返还", "专精特新奖励", "首台套奖励"]),
        ("finance", 15, "企业{0}遇到困难，希望协调金融机构支持", ["流动资金贷款续贷", "中长期贷款", "应收账款融资", "融资担保"]),
        ("project", 12, "项目{0}进度缓慢，请求协调加快办理", ["用地预审", "施工许可", "规划许可", "竣工验收", "环评审批"]),
        ("talent", 10, "企业在{0}方面存在困难，希望获得帮助", ["高层次人才落户", "人才公寓申请", "技术工人招聘", "子女入学"]),
        ("rule-of-law", 6, "企业涉及{0}，希望提供法律指导", ["合同纠纷", "知识产权侵权", "劳动争议", "欠款追讨"]),
        ("sci-tech", 7, "企业申报{0}需要指导", ["高新技术企业认定", "科技型中小企业评价", "研发机构备案"]),
        ("opening", 5, "企业在{0}方面遇到问题", ["出口退税", "通关便利", "外资备案", "境外参展"]),
        ("data", 4, "企业{0}需要协调", ["数据共享接口", "电子证照调用", "公共数据开放申请"]),
        ("safety", 6, "企业周边存在{0}隐患，请求尽快处置", ["道路积水", "消防通道占用", "危化品运输", "厂区边坡"]),
        ("fallback", 13, "企业反映{0}问题，请求协调解决", ["用水用电", "周边交通拥堵", "厂区污水管网", "通勤公交线路"]),
    ];

    public static readonly string[] ProjectKinds =
        ["新材料产业园", "智能制造基地", "现代物流中心", "研发创新中心", "数字经济产业园", "新能源装备基地", "生物医药产业园", "总部大楼"];

    public static readonly string[] Milestones = ["签约", "取得用地", "取得施工许可", "开工", "主体封顶", "竣工验收", "投产"];

    public static readonly EnterpriseSize[] Sizes = [EnterpriseSize.Large, EnterpriseSize.Medium, EnterpriseSize.Small, EnterpriseSize.Micro];

    public sealed record Industry(string Code, string NameZh, double Weight, string[] Words);
}
