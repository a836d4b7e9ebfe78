using System.Collections.Immutable;
using System.Reflection;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Integrity;
using Grains.Abstractions.Sla;
using Grains.Appeals;
using Grains.Integrity;
using Grains.Sla;
using Grains.Tests.Appeals;
using static Grains.Tests.Appeals.AppealFixture;

namespace Grains.Tests.Integrity;

/// <summary>The keyed seal of appeal histories and its binding to the appeal's record, against someone who can write the
/// database but has no key.</summary>
public sealed class AppealSealTests
{
    private readonly AppealFixture _f = new();

    private (List<AppealEvent> History, Appeal Appeal) Rated()
    {
        var replied = _f.Replied();
        var rated = _f.Apply(replied, _f.Lifecycle.Rate(replied, Enterprise, SatisfactionRating.Satisfied, "满意"));
        return ([.. _f.History], rated);
    }

    [Fact]
    public void Seal_EveryEvent_NamesTheCurrentKeyAndTheRecordsAroundIt()
    {
        var (history, appeal) = Rated();

        Assert.All(history, e => Assert.Equal(Keys.CurrentKeyId, e.KeyId));
        Assert.Null(history[0].PriorStateHash);
        Assert.All(history.Skip(1), (e, i) => Assert.Equal(history[i].StateHash, e.PriorStateHash));
        Assert.Equal(AppealStateHash.Of(appeal), history[^1].StateHash);
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData("plain-sha256")]
    public void Verify_RecordAndChainResealedWithoutTheKey_ReportsTheFirstEventAltered(string how)
    {
        var (history, appeal) = Rated();
        var edited = appeal with { Text = "企业已撤回诉求" };
        var accepted = history[0] with { Payload = [.. history[0].Payload.Select(p => p.Name == "text" ? p with { Value = edited.Text } : p)] };

        var (forgedHistory, forgedAppeal) = Forgery.Reseal([accepted, .. history.Skip(1)], edited, Forgery.Named(how));

        Assert.Equal(ChainVerification.Broken(IntegrityFindingKind.EventAltered, 0, Keys.CurrentKeyId),
            AppealHashChain.Verify(Keys, forgedHistory, forgedAppeal));
    }

    [Fact]
    public void Verify_ResealedWithTheKey_IsIntact()
    {
        // The counterpart of the forgeries above: the same re-sealing with the real key passes, so it is the key that stops them.
        var (history, appeal) = Rated();

        var (resealed, record) = Forgery.Reseal(history, appeal with { Text = "改" }, bytes => Keys.Mac(Keys.CurrentKeyId, bytes)!);

        Assert.Equal(ChainVerification.Intact, AppealHashChain.Verify(Keys, resealed, record));
    }

    [Fact]
    public void Verify_EventNamesAKeyNotInTheRing_ReportsUnknownKey()
    {
        var (history, appeal) = Rated();
        history[1] = history[1] with { KeyId = "k-elsewhere" };

        Assert.Equal(ChainVerification.Broken(IntegrityFindingKind.UnknownKey, 1, "k-elsewhere"), AppealHashChain.Verify(Keys, history, appeal));
    }

    [Fact]
    public void Verify_EventSealedBeforeKeys_ReportsUnknownKey()
    {
        var (history, appeal) = Rated();
        history[0] = history[0] with { KeyId = null };

        Assert.Equal(ChainVerification.Broken(IntegrityFindingKind.UnknownKey, 0), AppealHashChain.Verify(Keys, history, appeal));
    }

    [Fact]
    public void Verify_RecordTextEditedHistoryUntouched_ReportsStateDiffers()
    {
        var (history, appeal) = Rated();

        var result = AppealHashChain.Verify(Keys, history, appeal with { Text = "企业已撤回诉求" });

        Assert.Equal(ChainVerification.Broken(IntegrityFindingKind.StateDiffers, null), result);
    }

    [Fact]
    public void Verify_EditedRecordChangedAgain_StillReportsTheEditAtTheNextEvent()
    {
        // An edited record that a later command carries on must not be sealed over: that event names the record it found.
        var replied = _f.Replied();
        var edited = replied with { LastReplyText = "已全部解决" };
        var rated = _f.Apply(edited, _f.Lifecycle.Rate(edited, Enterprise, SatisfactionRating.Satisfied, null));

        var result = AppealHashChain.Verify(Keys, _f.History, rated);

        Assert.Equal(ChainVerification.Broken(IntegrityFindingKind.StateDiffers, _f.History.Count - 1), result);
    }

    [Fact]
    public void Verify_RecordCountsMoreEventsThanStored_ReportsMissingTail()
    {
        var (history, appeal) = Rated();
        history.RemoveAt(history.Count - 1);

        Assert.Equal(ChainVerification.Broken(IntegrityFindingKind.MissingTail, history.Count), AppealHashChain.Verify(Keys, history, appeal));
    }

    [Fact]
    public void Verify_KeyRotated_OldEventsVerifyWithTheKeyTheyName()
    {
        var k1 = TestKeys.Key(1);
        var k2 = TestKeys.Key(2);
        var before = new IntegrityKeyRing("k1", new Dictionary<string, byte[]> { ["k1"] = k1 });
        var after = new IntegrityKeyRing("k2", new Dictionary<string, byte[]> { ["k1"] = k1, ["k2"] = k2 });
        var accepted = Lifecycle(before).Accept(Intake(), Dispatcher);
        var routed = Lifecycle(before).Route(accepted.State, Dispatcher, Department);

        var taken = Lifecycle(after).TakeOver(routed.State, Handler);

        List<AppealEvent> all = [.. accepted.Events, .. routed.Events, .. taken.Events];
        Assert.Equal(["k1", "k1", "k2"], all.Select(e => e.KeyId));
        Assert.Equal(ChainVerification.Intact, AppealHashChain.Verify(after, all, taken.State));
        Assert.Equal(ChainVerification.Broken(IntegrityFindingKind.UnknownKey, 0, "k1"),
            AppealHashChain.Verify(new IntegrityKeyRing("k2", new Dictionary<string, byte[]> { ["k2"] = k2 }), all, taken.State));
    }

    [Fact]
    public void Verify_HistoryOfTheUnconfiguredRing_IsNeverTrusted()
    {
        var lifecycle = Lifecycle(IntegrityKeyRing.Unconfigured);
        var change = lifecycle.Accept(Intake(), Dispatcher);

        Assert.Equal(ChainVerification.Broken(IntegrityFindingKind.UnknownKey, 0, IntegrityKeyRing.UnconfiguredKeyId),
            AppealHashChain.Verify(Keys, change.Events, change.State));
    }

    [Fact]
    public void StateHash_AnyFieldOfTheRecordChanged_ChangesTheHash()
    {
        var appeal = FullRecord();
        var hash = AppealStateHash.Of(appeal);
        var clone = typeof(Appeal).GetMethod("<Clone>$")!;

        foreach (var property in typeof(Appeal).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.SetMethod is not null && p.Name is not (nameof(Appeal.EventCount) or nameof(Appeal.HeadHash))))
        {
            var changed = (Appeal)clone.Invoke(appeal, null)!;
            property.SetValue(changed, Other(property.GetValue(appeal), property.PropertyType));

            Assert.True(AppealStateHash.Of(changed) != hash, $"Changing {property.Name} does not change the record's hash.");
        }
    }

    [Fact]
    public void StateHash_HistoryCountAndHead_AreLeftToTheChain()
    {
        var appeal = FullRecord();

        Assert.Equal(AppealStateHash.Of(appeal), AppealStateHash.Of(appeal with { EventCount = 99, HeadHash = "ff" }));
    }

    private AppealLifecycle Lifecycle(IntegrityKeyRing ring) =>
        new(AppealSettings.Default, new SlaPolicy(SlaSettings.Default, new WorkingCalendar(WorkingCalendarSettings.WeekendsOnly)), _f.Clock, ring);

    /// <summary>A record with every optional field set, so that each can be changed to another value.</summary>
    private static Appeal FullRecord()
    {
        var at = new DateTimeOffset(2025, 11, 17, 9, 0, 0, TimeSpan.FromHours(8));
        return new Appeal("a-1", CreditCode, "town-01", AppealChannel.Online, "finance", AppealPriority.Normal, "续贷困难", "请求协调", at, at.AddDays(7))
        {
            Attachments = Evidence,
            Location = new GeoPoint(29.9, 121.6),
            ProjectId = "p-1",
            DepartmentCode = Department,
            RoutedAt = at.AddHours(1),
            ObjectionDeadline = at.AddHours(5),
            RejectedHandOffs = 1,
            ReplyCount = 1,
            LastReplyAt = at.AddDays(1),
            FirstReplyAt = at.AddDays(1),
            LastReplyText = "已办理",
            LastEvidence = Evidence,
            Rating = SatisfactionRating.Satisfied,
            RatedAt = at.AddDays(2),
            ReworkRound = 1,
            RevisitRating = SatisfactionRating.Satisfied,
            RevisitedAt = at.AddDays(3),
            SupervisionCount = 1,
            TaskForce = new TaskForce("leader-1", ["finance", "commerce"], at.AddHours(2)),
            LinkedAppeals = ["a-0"],
            ClosedAt = at.AddDays(4),
        };
    }

    private static object? Other(object? value, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return value switch
        {
            string text => text + "·",
            int number => number + 1,
            DateTimeOffset instant => instant.AddTicks(1),
            Enum member => Enum.GetValues(underlying).Cast<object>().First(v => !v.Equals(member)),
            ImmutableArray<AttachmentInfo> files => files.Add(files[0] with { Name = "other.pdf" }),
            ImmutableArray<string> ids => ids.Add("other"),
            GeoPoint point => point with { Latitude = point.Latitude + 0.001 },
            TaskForce force => force with { LeaderOfficialId = "leader-2" },
            _ => throw new InvalidOperationException($"No other value of {type} for the test; add one."),
        };
    }
}
