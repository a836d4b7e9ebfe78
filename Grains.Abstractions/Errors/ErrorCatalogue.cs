using System.Collections.Frozen;
using System.Globalization;

namespace Grains.Abstractions.Errors;

/// <summary>The Chinese and English text of every error code; <c>{0}</c>, <c>{1}</c> are the exception's arguments.</summary>
public static class ErrorCatalogue
{
    /// <summary>The language tag of Simplified Chinese, the default language.</summary>
    public const string Chinese = "zh-CN";

    /// <summary>The language tag of English, the second language.</summary>
    public const string English = "en";

    /// <summary>Texts in Simplified Chinese, by error code.</summary>
    public static FrozenDictionary<string, string> ZhCn { get; } = new Dictionary<string, string>
    {
        [ErrorCodes.TextEmpty] = "{0}不能为空",
        [ErrorCodes.TextTooLong] = "{0}不能超过{1}个字符（当前{2}个）",
        [ErrorCodes.TextControlCharacter] = "{0}含有不可见的控制字符，请删除后重新输入",
        [ErrorCodes.ValueOutOfRange] = "{0}超出允许范围：{1}",
        [ErrorCodes.CreditCodeLength] = "统一社会信用代码应为18位，当前为{0}位",
        [ErrorCodes.CreditCodeCharset] = "统一社会信用代码第{0}位字符“{1}”不允许使用",
        [ErrorCodes.CreditCodeRegistrationAuthority] = "统一社会信用代码的登记管理部门代码“{0}”无效",
        [ErrorCodes.CreditCodeEntityType] = "统一社会信用代码的机构类别代码“{0}”与登记管理部门不符",
        [ErrorCodes.CreditCodeRegion] = "统一社会信用代码的登记管理机关行政区划码“{0}”无效",
        [ErrorCodes.CreditCodeOrganizationCode] = "统一社会信用代码的主体标识码校验位错误，应为“{0}”",
        [ErrorCodes.CreditCodeCheckCharacter] = "统一社会信用代码校验码错误，应为“{0}”，实际为“{1}”",
        [ErrorCodes.CreditCodeInvalid] = "统一社会信用代码“{0}”无效",
        [ErrorCodes.TownUnknown] = "未知的镇街：{0}",
        [ErrorCodes.DepartmentUnknown] = "未知的部门：{0}",
        [ErrorCodes.CoordinateInvalid] = "坐标无效：纬度{0}，经度{1}",
        [ErrorCodes.CalendarConflict] = "{0}不能既是节假日又是调休上班日",
        [ErrorCodes.CategoryUnknown] = "未配置的诉求领域：{0}",
        [ErrorCodes.DeadlineInPast] = "办理时限{0}已经过去",
        [ErrorCodes.AppealNotReplied] = "该诉求尚未反馈",
        [ErrorCodes.AppealClosed] = "该诉求已销号",
        [ErrorCodes.AppealAlreadyRated] = "企业已评价过该诉求",
        [ErrorCodes.AppealChanged] = "诉求{0}已被他人更新（您看到的是第{1}条记录，当前已有{2}条），本次操作未执行",
        [ErrorCodes.AppealTransitionInvalid] = "诉求当前状态为“{0}”，不能执行“{1}”",
        [ErrorCodes.AppealActorNotAllowed] = "“{0}”角色不能执行“{1}”",
        [ErrorCodes.AppealRoutingBinding] = "分流异议期已于{0}结束，分流结果已生效",
        [ErrorCodes.AppealWrongDepartment] = "该诉求未分流给{0}",
        [ErrorCodes.AppealEvidenceMissing] = "反馈必须附带办理佐证材料",
        [ErrorCodes.AppealTooManyAttachments] = "附件不能超过{0}个",
        [ErrorCodes.AppealTaskForceLeader] = "专班必须由区领导牵头",
        [ErrorCodes.AppealTaskForceDepartments] = "专班至少需要两个部门",
        [ErrorCodes.AppealEscalationNotHigher] = "只能升级到更高层级（当前为{0}）",
        [ErrorCodes.ProjectChanged] = "项目{0}已被他人修改（您看到的是第{1}版，当前为第{2}版），本次修改未保存",
        [ErrorCodes.ProjectProblemsChanged] = "项目{0}的问题清单已有变化（您看到{1}个，当前{2}个），本次未提交",
        [ErrorCodes.ProjectStageMoveNotAllowed] = "项目阶段不能从“{0}”变为“{1}”",
        [ErrorCodes.ProjectStageReasonRequired] = "项目阶段回退必须说明原因",
        [ErrorCodes.ProjectMilestoneBeforeStart] = "节点“{0}”的实际完成日期{1}早于项目开始日期{2}",
        [ErrorCodes.ProjectMilestoneInFuture] = "节点“{0}”的实际完成日期{1}晚于今天",
        [ErrorCodes.ProjectMilestoneUnknown] = "项目没有节点“{0}”",
        [ErrorCodes.ProjectInvestmentNegative] = "{0}不能为负数",
        [ErrorCodes.ProjectInvestmentAboveTotal] = "{0}（{1}万元）不能超过总投资（{2}万元）",
        [ErrorCodes.OfficialUnknown] = "未知的包联干部：{0}",
        [ErrorCodes.EnterpriseUnknown] = "未知的企业：{0}",
        [ErrorCodes.AppealUnknown] = "未知的诉求：{0}",
        [ErrorCodes.AppealExists] = "诉求{0}已受理，不能重复受理",
        [ErrorCodes.ProjectUnknown] = "未知的重点项目：{0}",
        [ErrorCodes.StationUnknown] = "服务驿站{0}不属于镇街{1}",
        [ErrorCodes.VisitInFuture] = "走访日期{0}晚于今天",
        [ErrorCodes.KeyMismatch] = "编号{0}与记录编号{1}不一致",
        [ErrorCodes.DistrictUnknown] = "区{0}尚未设置",
        [ErrorCodes.TownInOtherDistrict] = "镇街编号{0}已属于{1}，不能再用于{2}",
        [ErrorCodes.AppealTownMismatch] = "诉求所在镇街{0}与企业所在镇街{1}不一致；项目上的问题请从该项目提出",
        [ErrorCodes.DemoSizesInvalid] = "演示数据规模无效：{0}",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Texts in English, by error code.</summary>
    public static FrozenDictionary<string, string> En { get; } = new Dictionary<string, string>
    {
        [ErrorCodes.TextEmpty] = "{0} must not be empty",
        [ErrorCodes.TextTooLong] = "{0} must not be longer than {1} characters (it has {2})",
        [ErrorCodes.TextControlCharacter] = "{0} contains an invisible control character; remove it and type the text again",
        [ErrorCodes.ValueOutOfRange] = "{0} is out of range: {1}",
        [ErrorCodes.CreditCodeLength] = "A unified social credit code has 18 characters, this one has {0}",
        [ErrorCodes.CreditCodeCharset] = "Character {0} ('{1}') is not allowed in a unified social credit code",
        [ErrorCodes.CreditCodeRegistrationAuthority] = "'{0}' is not a registration authority code",
        [ErrorCodes.CreditCodeEntityType] = "'{0}' is not an entity type of that registration authority",
        [ErrorCodes.CreditCodeRegion] = "'{0}' is not an administrative division code",
        [ErrorCodes.CreditCodeOrganizationCode] = "The organisation code inside the credit code has a wrong check digit; expected '{0}'",
        [ErrorCodes.CreditCodeCheckCharacter] = "Wrong check character: expected '{0}', found '{1}'",
        [ErrorCodes.CreditCodeInvalid] = "'{0}' is not a valid unified social credit code",
        [ErrorCodes.TownUnknown] = "Unknown town: {0}",
        [ErrorCodes.DepartmentUnknown] = "Unknown department: {0}",
        [ErrorCodes.CoordinateInvalid] = "Invalid coordinate: latitude {0}, longitude {1}",
        [ErrorCodes.CalendarConflict] = "{0} cannot be both a holiday and a make-up working day",
        [ErrorCodes.CategoryUnknown] = "Appeal category not configured: {0}",
        [ErrorCodes.DeadlineInPast] = "The deadline {0} has already passed",
        [ErrorCodes.AppealNotReplied] = "The appeal has not been replied to yet",
        [ErrorCodes.AppealClosed] = "The appeal is already closed",
        [ErrorCodes.AppealAlreadyRated] = "The enterprise has already rated this appeal",
        [ErrorCodes.AppealChanged] = "Appeal {0} was changed by someone else (you saw {1} entries, there are now {2}); nothing was done",
        [ErrorCodes.AppealTransitionInvalid] = "The appeal is '{0}'; '{1}' is not possible now",
        [ErrorCodes.AppealActorNotAllowed] = "The role '{0}' may not '{1}'",
        [ErrorCodes.AppealRoutingBinding] = "The objection period ended at {0}; the routing is binding",
        [ErrorCodes.AppealWrongDepartment] = "The appeal was not routed to {0}",
        [ErrorCodes.AppealEvidenceMissing] = "A reply needs at least one piece of evidence",
        [ErrorCodes.AppealTooManyAttachments] = "No more than {0} attachments are allowed",
        [ErrorCodes.AppealTaskForceLeader] = "A task force must be led by a district leader",
        [ErrorCodes.AppealTaskForceDepartments] = "A task force needs at least two departments",
        [ErrorCodes.AppealEscalationNotHigher] = "An escalation must go above the current level ({0})",
        [ErrorCodes.ProjectChanged] = "Project {0} was changed by someone else (you saw version {1}, it is now {2}); your change was not saved",
        [ErrorCodes.ProjectProblemsChanged] = "The problem list of project {0} changed (you saw {1}, there are now {2}); nothing was raised",
        [ErrorCodes.ProjectStageMoveNotAllowed] = "A project cannot move from '{0}' to '{1}'",
        [ErrorCodes.ProjectStageReasonRequired] = "Moving a project back a stage needs a reason",
        [ErrorCodes.ProjectMilestoneBeforeStart] = "Milestone '{0}' cannot be done on {1}, before the project started on {2}",
        [ErrorCodes.ProjectMilestoneInFuture] = "Milestone '{0}' cannot be done on {1}, which is after today",
        [ErrorCodes.ProjectMilestoneUnknown] = "The project has no milestone '{0}'",
        [ErrorCodes.ProjectInvestmentNegative] = "{0} cannot be negative",
        [ErrorCodes.ProjectInvestmentAboveTotal] = "{0} ({1} ten-thousand yuan) cannot exceed the total investment ({2})",
        [ErrorCodes.OfficialUnknown] = "Unknown package official: {0}",
        [ErrorCodes.EnterpriseUnknown] = "Unknown enterprise: {0}",
        [ErrorCodes.AppealUnknown] = "Unknown appeal: {0}",
        [ErrorCodes.AppealExists] = "Appeal {0} has already been accepted",
        [ErrorCodes.ProjectUnknown] = "Unknown key project: {0}",
        [ErrorCodes.StationUnknown] = "Service station {0} is not part of town {1}",
        [ErrorCodes.VisitInFuture] = "The visit date {0} is after today",
        [ErrorCodes.KeyMismatch] = "The key {0} differs from the record's own key {1}",
        [ErrorCodes.DistrictUnknown] = "District {0} has not been set up",
        [ErrorCodes.TownInOtherDistrict] = "The town code {0} already belongs to {1} and cannot be used for {2}",
        [ErrorCodes.AppealTownMismatch] = "The appeal's town {0} is not the enterprise's town {1}; raise a problem on a project from that project",
        [ErrorCodes.DemoSizesInvalid] = "Invalid demo data sizes: {0}",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Names of the fields error arguments refer to (<c>field.*</c>), in Simplified Chinese.</summary>
    public static FrozenDictionary<string, string> FieldNamesZhCn { get; } = new Dictionary<string, string>
    {
        ["field.title"] = "诉求标题",
        ["field.text"] = "诉求内容",
        ["field.reply"] = "反馈内容",
        ["field.reason"] = "原因",
        ["field.comment"] = "评价意见",
        ["field.note"] = "备注",
        ["field.findings"] = "核实情况",
        ["field.total-investment"] = "总投资",
        ["field.planned-annual-investment"] = "年度计划投资",
        ["field.completed-investment"] = "已完成投资",
        ["field.name"] = "名称",
        ["field.industry"] = "所属行业",
        ["field.unit"] = "所在单位",
        ["field.service-item"] = "服务事项",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Names of the fields error arguments refer to (<c>field.*</c>), in English.</summary>
    public static FrozenDictionary<string, string> FieldNamesEn { get; } = new Dictionary<string, string>
    {
        ["field.title"] = "The title",
        ["field.text"] = "The appeal text",
        ["field.reply"] = "The reply",
        ["field.reason"] = "The reason",
        ["field.comment"] = "The comment",
        ["field.note"] = "The note",
        ["field.findings"] = "The findings",
        ["field.total-investment"] = "The total investment",
        ["field.planned-annual-investment"] = "The planned annual investment",
        ["field.completed-investment"] = "The completed investment",
        ["field.name"] = "The name",
        ["field.industry"] = "The industry",
        ["field.unit"] = "The unit",
        ["field.service-item"] = "The service item",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The text of a code in a language (<c>en…</c> gives English, anything else Chinese), with its arguments filled in.</summary>
    public static string Format(string code, string language, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var english = language.StartsWith(English, StringComparison.OrdinalIgnoreCase);
        var texts = english ? En : ZhCn;
        var fields = english ? FieldNamesEn : FieldNamesZhCn;
        if (!texts.TryGetValue(code, out var template))
        {
            // An unknown code still shows something useful rather than failing the error path itself.
            return arguments.Count == 0 ? code : $"{code}: {string.Join(", ", arguments)}";
        }

        var values = new object[arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = fields.TryGetValue(arguments[i], out var field) ? field : arguments[i];
        }

        try
        {
            return string.Format(CultureInfo.InvariantCulture, template, values);
        }
        catch (FormatException)
        {
            return template;
        }
    }
}
