using Dashboard.Field;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Departments;
using Grains.Abstractions.Sla;
using Grains.Hosting;
using Microsoft.Extensions.Options;
using Orleans;

namespace Dashboard.SelfService;

/// <summary>One step of an appeal's history told in plain words for the enterprise.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Sentence">What happened, in the user's language.</param>
/// <param name="Detail">The words that came with it (a reply, a comment), if any.</param>
internal sealed record AppealStep(DateTimeOffset At, string Sentence, string? Detail);

/// <summary>Tells an appeal's history in plain words: no codes, no hashes, no internal ids.</summary>
internal sealed class AppealStory(IGrainFactory grains, FieldLabels labels, IOptions<DomainOptions> domain)
{
    public async Task<IReadOnlyList<AppealStep>> TellAsync(IEnumerable<AppealEvent> history)
    {
        var t = labels.Text;
        var steps = new List<AppealStep>();
        foreach (var e in history)
        {
            switch (e.Kind)
            {
                case AppealEventKind.Accepted:
                    steps.Add(new(e.At, t["Story_Accepted", labels.Category(e.Field("category") ?? "")], null));
                    break;
                case AppealEventKind.Routed:
                    steps.Add(new(e.At, t["Story_Routed", await DepartmentAsync(e.Field("department"))], null));
                    break;
                case AppealEventKind.RoutingObjected:
                    steps.Add(new(e.At, t["Story_RoutingObjected"], null));
                    break;
                case AppealEventKind.TakenOver:
                    steps.Add(new(e.At, t["Story_TakenOver"], null));
                    break;
                case AppealEventKind.Replied:
                    steps.Add(new(e.At, t["Story_Replied"], e.Field("reply")));
                    break;
                case AppealEventKind.Rated when Enum.TryParse<SatisfactionRating>(e.Field("rating"), out var rating):
                    steps.Add(new(e.At, t["Story_Rated", labels.Rating(rating)], e.Field("comment")));
                    break;
                case AppealEventKind.DissatisfactionVerified:
                    steps.Add(new(e.At, e.Field("upheld") == bool.TrueString ? t["Story_Reopened"] : t["Story_NotUpheld"], e.Field("findings")));
                    break;
                case AppealEventKind.Revisited when Enum.TryParse<SatisfactionRating>(e.Field("result"), out var result):
                    steps.Add(new(e.At, t["Story_Revisited", labels.Rating(result)], null));
                    break;
                case AppealEventKind.Closed:
                    steps.Add(new(e.At, t["Story_Closed"], null));
                    break;
                case AppealEventKind.Supervised:
                    steps.Add(new(e.At, t["Story_Supervised"], null));
                    break;
                case AppealEventKind.TaskForceFormed:
                    steps.Add(new(e.At, t["Story_TaskForce"], null));
                    break;
                case AppealEventKind.Escalated when Enum.TryParse<EscalationLevel>(e.Field("to"), out var level):
                    steps.Add(new(e.At, t["Story_Escalated", t[$"Level_{level}"]], null));
                    break;
                case AppealEventKind.DuplicateLinked:
                    steps.Add(new(e.At, t["Story_Linked"], null));
                    break;
                default:
                    break;
            }
        }

        return steps;
    }

    private async Task<string> DepartmentAsync(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return labels.Text["UnknownDepartment"];
        }

        if (await grains.GetGrain<IDepartmentGrain>(DepartmentKey.Of(domain.Value.DistrictCode, code)).GetProfile() is { } department)
        {
            return FieldLabels.IsChinese ? department.NameZh : department.NameEn;
        }

        // Town centres answer their own grid's appeals.
        return (await grains.GetGrain<Grains.Abstractions.Towns.ITownGrain>(code).GetProfile())?.Name ?? code;
    }
}
