using System.Collections.Immutable;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Integrity;
using Grains.Appeals;
using Grains.Geo;
using static Grains.Tests.Appeals.AppealFixture;

namespace Grains.Tests.Appeals;

public sealed class AppealHistoryTests
{
    private readonly AppealFixture _f = new();

    private Appeal? _closed;

    private List<AppealEvent> ClosedHistory()
    {
        var replied = _f.Replied();
        var rated = _f.Apply(replied, _f.Lifecycle.Rate(replied, Enterprise, SatisfactionRating.Satisfied, "满意"));
        _closed = _f.Apply(rated, _f.Lifecycle.Close(rated, Dispatcher, "办结"));
        return [.. _f.History];
    }

    [Fact]
    public void Verify_UntouchedHistory_IsIntact()
    {
        var history = ClosedHistory();

        var result = AppealHashChain.Verify(Keys, history, _closed);

        Assert.Equal(ChainVerification.Intact, result);
    }

    [Fact]
    public void Verify_EmptyHistoryAndNoAppeal_IsIntact()
    {
        Assert.Equal(ChainVerification.Intact, AppealHashChain.Verify(Keys, [], null));
    }

    [Fact]
    public void Verify_EditedPayload_ReportsThatEvent()
    {
        var history = ClosedHistory();
        var replied = history.FindIndex(e => e.Kind == AppealEventKind.Replied);
        history[replied] = history[replied] with
        {
            Payload = [.. history[replied].Payload.Select(p => p.Name == "reply" ? p with { Value = "已解决（改）" } : p)],
        };

        Assert.Equal(ChainVerification.Broken(IntegrityFindingKind.EventAltered, replied, Keys.CurrentKeyId), AppealHashChain.VerifyChain(Keys, history));
    }

    [Fact]
    public void Verify_EditedTimeResealedWithTheKey_ReportsTheNextEvent()
    {
        var history = ClosedHistory();
        var edited = history[2] with { At = history[2].At.AddDays(-1) };
        history[2] = edited with { Hash = AppealHashChain.ComputeHash(Keys, edited)! };

        Assert.Equal(ChainVerification.Broken(IntegrityFindingKind.EventAltered, 3, Keys.CurrentKeyId), AppealHashChain.VerifyChain(Keys, history));
    }

    [Fact]
    public void Verify_RemovedEvent_ReportsTheGap()
    {
        var history = ClosedHistory();
        history.RemoveAt(1);

        Assert.Equal(1, AppealHashChain.VerifyChain(Keys, history).FirstBrokenIndex);
    }

    [Fact]
    public void Verify_CutOffTail_IsFoundAgainstTheRecord()
    {
        var history = ClosedHistory();
        history.RemoveAt(history.Count - 1);

        Assert.True(AppealHashChain.VerifyChain(Keys, history).IsIntact);
        Assert.Equal(ChainVerification.Broken(IntegrityFindingKind.MissingTail, history.Count), AppealHashChain.Verify(Keys, history, _closed));
    }

    [Fact]
    public void Verify_ChangedActor_IsDetected()
    {
        var history = ClosedHistory();
        history[0] = history[0] with { ActorId = "someone-else" };

        Assert.Equal(0, AppealHashChain.VerifyChain(Keys, history).FirstBrokenIndex);
    }

    [Fact]
    public void ComputeHash_PayloadOrder_DoesNotMatter()
    {
        var e = ClosedHistory()[0];
        var reversed = e with { Payload = [.. e.Payload.Reverse()] };

        Assert.Equal(AppealHashChain.ComputeHash(Keys, e), AppealHashChain.ComputeHash(Keys, reversed));
    }

    [Fact]
    public void ComputeHash_FieldBoundaryShift_ChangesHash()
    {
        var e = ClosedHistory()[0] with { Payload = [new("a", "bc")] };
        var shifted = e with { Payload = [new("ab", "c")] };

        Assert.NotEqual(AppealHashChain.ComputeHash(Keys, e), AppealHashChain.ComputeHash(Keys, shifted));
    }

    [Fact]
    public void ComputeHash_SameInstantOtherOffset_SameHash()
    {
        var e = ClosedHistory()[0];

        Assert.Equal(AppealHashChain.ComputeHash(Keys, e), AppealHashChain.ComputeHash(Keys, e with { At = e.At.ToUniversalTime() }));
    }

    [Fact]
    public void Inspect_ClosedAfterRating_NoFindings()
    {
        Assert.Empty(FakeClosureDetector.Inspect(ClosedHistory(), TimeSpan.FromDays(3)));
    }

    [Fact]
    public void Inspect_ClosedUnratedRightAfterReply_FlagsBeforeRatingPossible()
    {
        var replied = _f.Replied();
        _f.Clock.Advance(TimeSpan.FromHours(1));
        _f.Apply(replied, _f.Lifecycle.Close(replied, Dispatcher, null));

        var finding = Assert.Single(FakeClosureDetector.Inspect(_f.History, TimeSpan.FromDays(3)));

        Assert.Equal(FakeClosureSuspicion.ClosedBeforeRatingPossible, finding.Kind);
        Assert.Equal(_f.History[^1].Sequence, finding.Sequence);
    }

    [Fact]
    public void Inspect_ClosedUnratedAfterRatingWindow_NoFindings()
    {
        var replied = _f.Replied();
        _f.Clock.Advance(TimeSpan.FromDays(3));
        _f.Apply(replied, _f.Lifecycle.Close(replied, Dispatcher, null));

        Assert.Empty(FakeClosureDetector.Inspect(_f.History, TimeSpan.FromDays(3)));
    }

    [Fact]
    public void Inspect_ImportedHistoryClosedWithoutReply_FlagsWithoutReply()
    {
        var accepted = _f.Accepted();
        var forged = AppealHashChain.Seal(Keys, 1, accepted.Id, AppealEventKind.Closed, Dispatcher, _f.Clock.Now, [], accepted.HeadHash, null, "");

        var finding = Assert.Single(FakeClosureDetector.Inspect([.. _f.History, forged], TimeSpan.FromDays(3)));

        Assert.Equal(FakeClosureSuspicion.ClosedWithoutReply, finding.Kind);
    }

    [Fact]
    public void DistanceMetres_OneHundredthDegreeOfLatitude_IsAbout1112Metres()
    {
        var d = Haversine.DistanceMetres(new GeoPoint(30.00, 121.50), new GeoPoint(30.01, 121.50));

        Assert.InRange(d, 1111.0, 1113.0);
    }

    [Fact]
    public void DistanceMetres_SamePoint_IsZero()
    {
        Assert.Equal(0, Haversine.DistanceMetres(new GeoPoint(30, 121.5), new GeoPoint(30, 121.5)));
    }

    [Fact]
    public void DistanceMetres_BeijingToShanghai_IsAbout1067Km()
    {
        var d = Haversine.DistanceMetres(new GeoPoint(39.9042, 116.4074), new GeoPoint(31.2304, 121.4737));

        Assert.InRange(d, 1_060_000, 1_075_000);
    }

    private static readonly DateTimeOffset T0 = new(2025, 11, 17, 9, 0, 0, TimeSpan.FromHours(8));

    private static DuplicateCandidate Candidate(string id, string enterprise = CreditCode, string category = "finance", int daysAgo = 0, GeoPoint? at = null) =>
        new(id, enterprise, category, T0.AddDays(-daysAgo), at);

    [Fact]
    public void Suggest_SameEnterpriseAndCategoryWithinWindow_IsSuggested()
    {
        var finder = new DuplicateFinder(windowDays: 30);

        var suggestions = finder.Suggest(Candidate("new"), [Candidate("old", daysAgo: 30), Candidate("older", daysAgo: 31)]);

        Assert.Equal([new DuplicateSuggestion("old", DuplicateReason.SameEnterpriseAndCategory, null)], suggestions.ToArray());
    }

    [Fact]
    public void Suggest_OtherCategory_IsNotSuggested()
    {
        Assert.Empty(new DuplicateFinder().Suggest(Candidate("new"), [Candidate("old", category: "talent")]));
    }

    [Fact]
    public void Suggest_OtherEnterpriseWithin50Metres_IsSuggestedAsNearby()
    {
        var here = new GeoPoint(30.0, 121.5);
        var near = new GeoPoint(30.0004, 121.5); // about 44 m north
        var far = new GeoPoint(30.0005, 121.5); // about 56 m north

        var suggestions = new DuplicateFinder().Suggest(
            Candidate("new", at: here),
            [Candidate("near", enterprise: "other", at: near), Candidate("far", enterprise: "other", at: far)]);

        var only = Assert.Single(suggestions);
        Assert.Equal("near", only.AppealId);
        Assert.Equal(DuplicateReason.NearbyLocation, only.Reason);
        Assert.InRange(only.DistanceMetres.GetValueOrDefault(), 44, 45);
    }

    [Fact]
    public void Suggest_BothReasons_SameEnterpriseComesFirst()
    {
        var here = new GeoPoint(30.0, 121.5);

        var suggestions = new DuplicateFinder().Suggest(
            Candidate("new", at: here),
            [Candidate("a-near", enterprise: "other", at: here), Candidate("z-same", daysAgo: 3)]);

        Assert.Equal(["z-same", "a-near"], suggestions.Select(s => s.AppealId));
    }
}
