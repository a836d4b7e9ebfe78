using System.Text.Json;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Integrity;
using Grains.Appeals;
using Grains.Demo;
using Grains.Integrity;
using Grains.Tests.Infrastructure;
using Grains.Tests.Integrity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Storage;
using Storage.ReadModels;

namespace Grains.Tests.Domain;

/// <summary>Someone who can write the database edits an appeal's stored row with SQL: each edit is found by
/// <see cref="IAppealGrain.VerifyHistory"/> and by the district's integrity check, which records and logs it.</summary>
public abstract class IntegrityTests : DomainTestBase
{
    private const string Id = "a-1";

    private readonly CapturedLog log = new();
    private readonly Dictionary<string, string?> settings = [];

    protected override IDictionary<string, string?>? SiloSettings => settings;

    private IIntegrityScanGrain Check(string district = TestDistrict.Code) => Grains.GetGrain<IIntegrityScanGrain>(district);

    private IntegrityFindingQueries Findings => Silo.Get<IntegrityFindingQueries>();

    protected override void ConfigureSilo(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(log);

    private IAppealGrain Appeal(string id = Id) => Grains.GetGrain<IAppealGrain>(id);

    private async Task<IAppealGrain> InProgressAsync(string id = Id)
    {
        var appeal = Appeal(id);
        await appeal.Submit(TestDistrict.Intake(id), TestDistrict.Dispatcher);
        await appeal.Route(TestDistrict.Dispatcher, null);
        await appeal.TakeOver(TestDistrict.FinanceHandler);
        return appeal;
    }

    [Fact]
    public async Task VerifyHistoryAndCheck_RecordTextEditedHistoryUntouched_ReportStateDiffers()
    {
        await InProgressAsync();

        await TamperAsync(s => s with { Appeal = s.Appeal! with { Text = "企业已撤回诉求，无需办理" } });
        var scan = await Check().Scan();
        await RestartAsync();

        Assert.Equal(new IntegrityFinding(Id, IntegrityFindingKind.StateDiffers, null, null), Assert.Single(scan.Findings));
        Assert.Equal("企业已撤回诉求，无需办理", (await Appeal().Get())?.Text);
        Assert.Equal(ChainVerification.Broken(IntegrityFindingKind.StateDiffers, null), await Appeal().VerifyHistory());
        await AssertRecordedAndLoggedAsync(IntegrityFindingKind.StateDiffers);
    }

    [Fact]
    public async Task VerifyHistoryAndCheck_StoredEventEdited_ReportEventAltered()
    {
        await InProgressAsync();

        // The TakenOver event (index 2) is the only place the handler's id is stored.
        var changed = await Database.ExecuteSqlAsync(
            "UPDATE OrleansStorage SET PayloadJson = REPLACE(PayloadJson, 'handler-1', 'handler-9') WHERE GrainTypeString = 'appeal' AND GrainIdExtensionString = 'a-1'");
        var scan = await Check().Scan();
        await RestartAsync();

        Assert.Equal(1, changed);
        Assert.Equal(new IntegrityFinding(Id, IntegrityFindingKind.EventAltered, 2, TestSiloHost.IntegrityKeyId), Assert.Single(scan.Findings));
        Assert.Equal(ChainVerification.Broken(IntegrityFindingKind.EventAltered, 2, TestSiloHost.IntegrityKeyId), await Appeal().VerifyHistory());
        await AssertRecordedAndLoggedAsync(IntegrityFindingKind.EventAltered);
    }

    [Fact]
    public async Task VerifyHistoryAndCheck_LastEventDropped_ReportMissingTail()
    {
        await InProgressAsync();

        await TamperAsync(s => s with { History = s.History.RemoveAt(s.History.Length - 1) });
        var scan = await Check().Scan();
        await RestartAsync();

        Assert.Equal(new IntegrityFinding(Id, IntegrityFindingKind.MissingTail, 2, null), Assert.Single(scan.Findings));
        Assert.Equal(ChainVerification.Broken(IntegrityFindingKind.MissingTail, 2), await Appeal().VerifyHistory());
        await AssertRecordedAndLoggedAsync(IntegrityFindingKind.MissingTail);
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData("plain-sha256")]
    public async Task VerifyHistoryAndCheck_RecordEditedAndChainResealedWithoutTheKey_ReportEventAltered(string how)
    {
        await InProgressAsync();

        await TamperAsync(s =>
        {
            var edited = s.Appeal! with { Text = "企业已撤回诉求，无需办理" };
            var accepted = s.History[0] with { Payload = [.. s.History[0].Payload.Select(p => p.Name == "text" ? p with { Value = edited.Text } : p)] };
            var (history, appeal) = Forgery.Reseal([accepted, .. s.History.Skip(1)], edited, Forgery.Named(how));
            return s with { Appeal = appeal, History = history };
        });
        var scan = await Check().Scan();
        await RestartAsync();

        Assert.Equal(new IntegrityFinding(Id, IntegrityFindingKind.EventAltered, 0, TestSiloHost.IntegrityKeyId), Assert.Single(scan.Findings));
        Assert.Equal(ChainVerification.Broken(IntegrityFindingKind.EventAltered, 0, TestSiloHost.IntegrityKeyId), await Appeal().VerifyHistory());
        await AssertRecordedAndLoggedAsync(IntegrityFindingKind.EventAltered);
    }

    [Fact]
    public async Task Check_RowRestored_ResolvesTheFindingAndClearsTheListMark()
    {
        await InProgressAsync();
        await InProgressAsync("a-2");
        var original = await StoredJsonAsync(Id);
        await TamperAsync(s => s with { Appeal = s.Appeal! with { Title = "改过的标题" } });
        await Check().Scan();
        var marked = await ListedAsync();

        await Database.ExecuteSqlAsync($"UPDATE OrleansStorage SET PayloadJson = @value WHERE GrainTypeString = 'appeal' AND GrainIdExtensionString = '{Id}'", original);
        var scan = await Check().Scan();

        Assert.Equal((true, false), (marked[Id], marked["a-2"]));
        Assert.Empty(scan.Findings);
        Assert.Equal(2, scan.AppealsChecked);
        Assert.Empty((await Findings.OpenAsync(TestDistrict.Code, 0, 10)).Items);
        Assert.Equal(0, await Findings.CountOpenAsync(TestDistrict.Code));
        Assert.False((await ListedAsync())[Id]);
    }

    [Fact]
    public async Task Restart_RowEditedWhileDown_StartUpCheckRecordsTheFinding()
    {
        await InProgressAsync();
        await Silo.StopAsync();
        await TamperAsync(s => s with { Appeal = s.Appeal! with { Text = "改" } });

        await RestartAsync();

        await WaitUntilAsync(async () => await Findings.CountOpenAsync(TestDistrict.Code) == 1, "the start-up check records the finding");
        var scan = Assert.Single(await Findings.LatestScansAsync(TestDistrict.Code, 10));
        Assert.Equal((IntegrityScanTrigger.StartUp, 1, 1), (scan.Trigger, scan.AppealsChecked, scan.Findings));
    }

    [Fact]
    public async Task RequestStartUpScan_SeveralSilosAskingAtOnce_ChecksTheDistrictOnce()
    {
        await InProgressAsync();

        await Check().RequestStartUpScan();
        await WaitUntilAsync(async () => (await Findings.LatestScansAsync(TestDistrict.Code, 10)).Count == 1, "the first request checks");
        await Check().RequestStartUpScan();
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Check().Scan();

        var scans = await Findings.LatestScansAsync(TestDistrict.Code, 10);
        Assert.Equal([IntegrityScanTrigger.Requested, IntegrityScanTrigger.StartUp], scans.Select(s => s.Trigger));
    }

    [Fact]
    public async Task DailyReminder_Fires_ChecksTheDistrict()
    {
        await InProgressAsync();
        await Check().Scan();
        Clock.Advance(TimeSpan.FromMinutes(1));

        await FireReminderAsync(Check(), IntegrityScanGrain.ReminderName);

        Assert.Equal(IntegrityScanTrigger.Daily, (await Findings.LatestScansAsync(TestDistrict.Code, 1))[0].Trigger);
    }

    [Fact]
    public async Task KeyRotation_NewCurrentKey_OldAppealsKeepVerifyingUntilTheirKeyIsDropped()
    {
        var old = Appeal();
        await old.Submit(TestDistrict.Intake(Id), TestDistrict.Dispatcher);
        await old.Route(TestDistrict.Dispatcher, null);

        settings["Integrity:Keys:k2026"] = TestKeys.Base64(0x26);
        settings["Integrity:CurrentKeyId"] = "k2026";
        await RestartAsync();
        await Appeal().TakeOver(TestDistrict.FinanceHandler);
        await InProgressAsync("a-2");

        Assert.Equal([TestSiloHost.IntegrityKeyId, TestSiloHost.IntegrityKeyId, "k2026"], (await Appeal().GetHistory()).Select(e => e.KeyId));
        Assert.Equal(ChainVerification.Intact, await Appeal().VerifyHistory());
        Assert.Equal(ChainVerification.Intact, await Appeal("a-2").VerifyHistory());
        Assert.Empty((await Check().Scan()).Findings);

        settings[$"Integrity:Keys:{TestSiloHost.IntegrityKeyId}"] = null;
        await RestartAsync();

        Assert.Equal(ChainVerification.Broken(IntegrityFindingKind.UnknownKey, 0, TestSiloHost.IntegrityKeyId), await Appeal().VerifyHistory());
        Assert.Equal(ChainVerification.Intact, await Appeal("a-2").VerifyHistory());
        Assert.Equal(new IntegrityFinding(Id, IntegrityFindingKind.UnknownKey, 0, TestSiloHost.IntegrityKeyId), Assert.Single((await Check().Scan()).Findings));
    }

    [Fact]
    public async Task Start_AnotherKeyUnderAnIdTheClusterUses_Refuses()
    {
        await InProgressAsync();
        var other = new Dictionary<string, string?> { [$"Integrity:Keys:{TestSiloHost.IntegrityKeyId}"] = TestKeys.Base64(0x77) };

        var error = await Assert.ThrowsAsync<SettingsException>(() => DomainSilo.StartAsync(Database.Options, Clock, other));

        Assert.Contains(TestSiloHost.IntegrityKeyId, error.Message, StringComparison.Ordinal);
        Assert.Equal(ChainVerification.Intact, await Appeal().VerifyHistory());
    }

    [Fact]
    public async Task Check_DemoDistrict_EveryAppealVerifies()
    {
        var sizes = new DemoSizes(Towns: 4, Stations: 8, Enterprises: 300, Officials: 60, Projects: 8, AppealsPerYear: 120);
        var loaded = await Silo.Get<DemoDistrictSeeder>().SeedIfEmptyAsync(sizes);
        Assert.NotNull(loaded);

        var scan = await Check(loaded.District.Code).Scan();

        Assert.Equal(120, scan.AppealsChecked);
        Assert.Empty(scan.Findings);
        var first = (await Silo.Get<AppealQueries>().ListAsync(new AppealListQuery { DistrictCode = loaded.District.Code, Limit = 1 })).Items[0];
        Assert.Equal(ChainVerification.Intact, await Appeal(first.Id).VerifyHistory());
    }

    private async Task AssertRecordedAndLoggedAsync(IntegrityFindingKind kind)
    {
        var recorded = Assert.Single((await Findings.OpenAsync(TestDistrict.Code, 0, 10)).Items);
        Assert.Equal((Id, kind, "续贷困难"), (recorded.AppealId, recorded.Kind, recorded.Title));
        Assert.Equal(1, await Findings.CountOpenAsync(TestDistrict.Code));
        Assert.True((await ListedAsync())[Id]);
        Assert.True(log.Contains(typeof(IntegrityScanner).FullName!, Id, kind.ToString()), string.Join(Environment.NewLine, log.Lines));
    }

    private async Task<Dictionary<string, bool>> ListedAsync() =>
        (await Silo.Get<AppealQueries>().ListAsync(new AppealListQuery { DistrictCode = TestDistrict.Code })).Items
            .ToDictionary(i => i.Id, i => i.HasIntegrityFinding);

    private async Task<string> StoredJsonAsync(string id) =>
        await Database.ScalarTextAsync($"SELECT PayloadJson FROM OrleansStorage WHERE GrainTypeString = 'appeal' AND GrainIdExtensionString = '{id}'")
            ?? throw new InvalidOperationException($"Appeal {id} has no stored row.");

    /// <summary>Rewrites the appeal's stored row with SQL, in the JSON the storage provider writes.</summary>
    private async Task TamperAsync(Func<AppealState, AppealState> edit)
    {
        var json = Silo.Get<IOptions<SystemTextJsonGrainStorageSerializerOptions>>().Value.JsonSerializerOptions;
        var state = JsonSerializer.Deserialize<AppealState>(await StoredJsonAsync(Id), json) ?? throw new InvalidOperationException("No state.");
        var changed = await Database.ExecuteSqlAsync(
            $"UPDATE OrleansStorage SET PayloadJson = @value WHERE GrainTypeString = 'appeal' AND GrainIdExtensionString = '{Id}'",
            JsonSerializer.Serialize(edit(state), json));
        Assert.Equal(1, changed);
    }
}

public sealed class IntegritySqliteTests : IntegrityTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class IntegrityPostgresTests : IntegrityTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
