using System.Collections.Immutable;
using System.Data.Common;
using System.Diagnostics;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.District;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Officials;
using Grains.Abstractions.Projects;
using Grains.Abstractions.Towns;
using Grains.Appeals;
using Grains.Enterprises;
using Grains.Figures;
using Grains.Hosting;
using Grains.Officials;
using Grains.Projects;
using Storage.ReadModels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Storage;

namespace Grains.Demo;

/// <summary>
/// Loads a generated demo district (演示数据). Towns, departments and stations go through their grains (a few hundred
/// calls); the thousands of enterprises, officials, projects and appeals are written as grain state through Orleans'
/// own storage provider (the same <see cref="IGrainStorage"/> the grains read, several writes at a time) and their
/// read-model rows in bulk transactions, because a grain call each would also register reminders and send deltas for
/// every one. The counters are then recounted from the read model, and open appeals are reviewed once so that their
/// SLA reminders are registered with the running silo.
/// </summary>
public sealed partial class DemoDistrictSeeder
{
    /// <summary>State writes in flight at once: enough to keep PostgreSQL's group commit busy; SQLite takes them in turn.</summary>
    private const int ParallelWrites = 16;

    /// <summary>Entities whose read-model rows are written in one transaction.</summary>
    private const int ChunkSize = 1_000;

    private readonly IDatabase _database;
    private readonly IGrainFactory _grains;
    private readonly IGrainStorage _storage;
    private readonly AppealLifecycle _lifecycle;
    private readonly DistrictClock _clock;
    private readonly DomainOptions _options;
    private readonly ILogger<DemoDistrictSeeder> _logger;

    internal DemoDistrictSeeder(
        IDatabase database, IGrainFactory grains, IGrainStorage storage,
        AppealLifecycle lifecycle, DistrictClock clock, IOptions<DomainOptions> options, ILogger<DemoDistrictSeeder> logger)
    {
        _database = database;
        _grains = grains;
        _storage = storage;
        _lifecycle = lifecycle;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Loads the demo district (of <paramref name="sizes"/>, the full district by default) unless it was loaded
    /// before; returns what was loaded, or null when it already was. Call once the silo has started.</summary>
    public async Task<DemoLoadResult?> SeedIfEmptyAsync(DemoSizes? sizes = null, CancellationToken cancellationToken = default)
    {
        var generator = new DemoDistrictGenerator(_options.DemoSeed, sizes ?? DemoSizes.District, _clock.LocalNow);
        if (await _grains.GetGrain<IDistrictAdministrationGrain>(generator.District.Code).GetRecountedAt() is not null)
        {
            LogAlreadyLoaded(generator.District.Code);
            return null;
        }

        return await LoadAsync(generator, cancellationToken);
    }

    /// <summary>Loads one generated district, overwriting rows of the same keys; the district is marked loaded last.</summary>
    public async Task<DemoLoadResult> LoadAsync(DemoDistrictGenerator generator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var watch = Stopwatch.StartNew();
        var district = generator.District;
        var now = _clock.UtcNow;
        LogStarting(district.Code, district.Name, generator.Sizes.ToString());

        var admin = _grains.GetGrain<IDistrictAdministrationGrain>(district.Code);
        await admin.Define(district, [.. generator.Towns], [.. generator.Departments]);
        var stations = 0;
        foreach (var station in generator.Stations())
        {
            await _grains.GetGrain<ITownGrain>(station.TownCode).SetStation(station);
            stations++;
        }

        LogStep("towns, departments and stations", generator.Towns.Count + generator.Departments.Count + stations, watch.Elapsed.TotalSeconds);

        var officialsOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var enterprisesOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var assignment in generator.Packaging())
        {
            Add(officialsOf, assignment.EnterpriseCreditCode, assignment.OfficialId);
            Add(enterprisesOf, assignment.OfficialId, assignment.EnterpriseCreditCode);
        }

        var enterpriseNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var enterprises = await WriteAsync(generator.Enterprises(), "enterprise", p => _grains.GetGrain<IEnterpriseGrain>(p.CreditCode), ReadModelRows.Enterprises, p =>
        {
            enterpriseNames[p.CreditCode] = p.Name;
            var state = new EnterpriseState
            {
                Profile = p,
                DistrictCode = district.Code,
                Officials = [.. (officialsOf.GetValueOrDefault(p.CreditCode) ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            };
            state = state with { Counted = EnterpriseGrain.Scope(state) };
            return (state, new EnterpriseRowSource(p, district.Code, state.Officials.Length, now));
        }, cancellationToken);
        LogStep("enterprises", enterprises, watch.Elapsed.TotalSeconds);

        var officials = await WriteAsync(generator.Officials(), "official", p => _grains.GetGrain<IOfficialGrain>(p.Id), ReadModelRows.Officials, p =>
        {
            var state = new OfficialState
            {
                Profile = p,
                DistrictCode = district.Code,
                Enterprises = [.. (enterprisesOf.GetValueOrDefault(p.Id) ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            };
            return (state, new OfficialRowSource(p, district.Code, state.Enterprises.Length, now));
        }, cancellationToken);
        LogStep("officials", officials, watch.Elapsed.TotalSeconds);

        var projects = await WriteAsync(generator.Projects(), "project", p => _grains.GetGrain<IKeyProjectGrain>(p.Id), ReadModelRows.Projects, p =>
        {
            var state = new KeyProjectState { Project = p, DistrictCode = district.Code, Counted = FigureRules.ForProject(p) };
            return (state, new ProjectRowSource(p, district.Code, now));
        }, cancellationToken);
        LogStep("key projects", projects, watch.Elapsed.TotalSeconds);

        var open = new List<string>();
        // Sealed with the deployment's key, so the demo district verifies like any other.
        var appeals = await WriteAsync(generator.Appeals(_lifecycle.Keys), "appeal", a => _grains.GetGrain<IAppealGrain>(a.State.Id), ReadModelRows.Appeals, a =>
        {
            var appeal = a.State;
            var light = _lifecycle.LightOf(appeal, now);
            if (_lifecycle.NextReviewAt(appeal, now) is not null)
            {
                open.Add(appeal.Id);
            }

            // ReviewAt stays null: the review below registers each reminder with the running silo.
            var state = new AppealState
            {
                Appeal = appeal,
                History = a.History,
                DistrictCode = district.Code,
                EnterpriseName = enterpriseNames.GetValueOrDefault(appeal.EnterpriseCreditCode, appeal.EnterpriseCreditCode),
                Counted = new CountedScope
                {
                    DistrictCode = district.Code,
                    TownCode = appeal.TownCode,
                    DepartmentCode = appeal.DepartmentCode,
                    Counts = FigureRules.ForAppeal(appeal, light, _clock.UtcOffset),
                },
            };
            return (state, AppealGrain.Row(state, now));
        }, cancellationToken);
        LogStep("appeals", appeals, watch.Elapsed.TotalSeconds);

        foreach (var id in open)
        {
            await _grains.GetGrain<IAppealGrain>(id).Review();
        }

        LogStep("open appeals reviewed (SLA reminders)", open.Count, watch.Elapsed.TotalSeconds);
        var figures = await admin.Recount();
        LogLoaded(district.Code, watch.Elapsed.TotalSeconds);
        return new DemoLoadResult(district, generator.Towns.Count, stations, enterprises, officials, projects, appeals, open.Count, figures, watch.Elapsed);
    }

    /// <summary>Writes each source's grain state through the storage provider, several at a time, then the read-model rows of
    /// that chunk in one transaction (never while state writes run: SQLite has one writer). A state already stored under
    /// the key (a load that was interrupted) is overwritten.</summary>
    private async Task<int> WriteAsync<TSource, TState, TRow>(
        IEnumerable<TSource> sources, string stateName, Func<TSource, IAddressable> grain, RowTable<TRow> table,
        Func<TSource, (TState State, TRow Row)> build, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var chunk in sources.Chunk(ChunkSize))
        {
            var built = chunk.Select(source => (Grain: grain(source).GetGrainId(), Built: build(source))).ToList();
            foreach (var parallel in built.Chunk(ParallelWrites))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.WhenAll(parallel.Select(b => WriteStateAsync(stateName, b.Grain, b.Built.State)));
            }

            await using var connection = await _database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var rowCommand = table.Prepare(connection, transaction);
            foreach (var (_, (_, row)) in built)
            {
                table.Bind(rowCommand, row);
                await rowCommand.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            count += built.Count;
        }

        return count;
    }

    private async Task WriteStateAsync<TState>(string stateName, GrainId grainId, TState state)
    {
        var grainState = new GrainState<TState>(state);
        try
        {
            await _storage.WriteStateAsync(stateName, grainId, grainState);
        }
        catch (InconsistentStateException)
        {
            var stored = new GrainState<TState>();
            await _storage.ReadStateAsync(stateName, grainId, stored);
            grainState.ETag = stored.ETag;
            await _storage.WriteStateAsync(stateName, grainId, grainState);
        }
    }

    private static void Add(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo district {District} is already loaded; nothing to do")]
    private partial void LogAlreadyLoaded(string district);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loading demo district {District} {Name} (演示数据), sizes {Sizes}")]
    private partial void LogStarting(string district, string name, string sizes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo load: {Count} {Step} written ({Seconds:0.0} s)")]
    private partial void LogStep(string step, int count, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo district {District} loaded and recounted in {Seconds:0.0} s")]
    private partial void LogLoaded(string district, double seconds);
}
