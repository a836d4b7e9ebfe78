using System.Collections.Immutable;
using Grains.Abstractions.Appeals;

namespace Grains.Appeals;

/// <summary>
/// Dalian's 穿透式监管 on a stored history: a closure with no reply before it, or an unrated closure before the
/// enterprise's rating period after the last reply was over. Works on the history, not the state, so imported or
/// edited histories are judged by what they say happened.
/// </summary>
internal static class FakeClosureDetector
{
    public static ImmutableArray<FakeClosureFinding> Inspect(IReadOnlyList<AppealEvent> history, TimeSpan ratingWindow)
    {
        ArgumentNullException.ThrowIfNull(history);
        var findings = ImmutableArray.CreateBuilder<FakeClosureFinding>();
        DateTimeOffset? lastReplyAt = null;
        var ratedSinceReply = false;
        foreach (var e in history)
        {
            switch (e.Kind)
            {
                case AppealEventKind.Replied:
                    lastReplyAt = e.At;
                    ratedSinceReply = false;
                    break;
                case AppealEventKind.Rated or AppealEventKind.Revisited:
                    ratedSinceReply = true;
                    break;
                case AppealEventKind.Closed when lastReplyAt is null:
                    findings.Add(new FakeClosureFinding(FakeClosureSuspicion.ClosedWithoutReply, e.Sequence, e.At));
                    break;
                case AppealEventKind.Closed when !ratedSinceReply && e.At < lastReplyAt + ratingWindow:
                    findings.Add(new FakeClosureFinding(FakeClosureSuspicion.ClosedBeforeRatingPossible, e.Sequence, e.At));
                    break;
                default:
                    break;
            }
        }

        return findings.ToImmutable();
    }
}
