using System.Globalization;
using System.Security.Claims;
using Dashboard.Resources;
using Storage.ReadModels;
using Microsoft.Extensions.Localization;

namespace Dashboard.Appeals;

/// <summary>Builds the export tables: the filtered appeal list and the weekly tracking report (周跟踪).</summary>
internal sealed class AppealExports(AppealWorkbenchQueries queries, AppealDirectory directory, IStringLocalizer<AppealsText> text)
{
    /// <summary>Most rows one list export holds; the filters narrow a bigger list.</summary>
    public const int MaxListRows = 10_000;

    public async Task<ExportTable> ListAsync(AppealFilter filter, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var names = await directory.LoadAsync();
        var rows = new List<IReadOnlyList<object>>();
        for (var offset = 0; offset < MaxListRows; offset += SqlFilterPage)
        {
            var query = filter.ToQuery(user, directory.DistrictCode, SqlFilterPage) with { Offset = offset };
            var page = await queries.ListAsync(query, filter.Channel, filter.Text, cancellationToken);
            foreach (var a in page.Items)
            {
                rows.Add(
                [
                    a.Id, a.Title, a.EnterpriseName, a.EnterpriseCreditCode, names.Town(a.TownCode), names.Department(a.DepartmentCode),
                    names.Category(a.Category), text[$"Channel_{a.Channel}"].Value, text[$"Priority_{a.Priority}"].Value,
                    text[$"Status_{a.Status}"].Value, a.Light is { } light ? text[$"Light_{light}"].Value : string.Empty,
                    text[$"Level_{a.Level}"].Value, LocalTime(a.AcceptedAt), LocalTime(a.Deadline),
                    a.ClosedAt is { } closed ? LocalTime(closed) : string.Empty,
                    a.Rating is { } rating ? text[$"Rating_{rating}"].Value : string.Empty,
                ]);
            }

            if (offset + page.Items.Count >= page.Total || page.Items.Count == 0)
            {
                break;
            }
        }

        string[] headers =
        [
            text["Col_Id"], text["Col_Title"], text["Col_Enterprise"], text["Col_CreditCode"], text["Col_Town"], text["Col_Department"],
            text["Col_Category"], text["Col_Channel"], text["Col_Priority"], text["Col_Status"], text["Col_Light"], text["Col_Level"],
            text["Col_AcceptedAt"], text["Col_Deadline"], text["Col_ClosedAt"], text["Col_Rating"],
        ];
        return new ExportTable(text["ExportListSheet"], text["ExportListTitle"], headers, rows);
    }

    public async Task<IReadOnlyList<ExportTable>> WeeklyAsync(IsoWeek week, CancellationToken cancellationToken)
    {
        var names = await directory.LoadAsync();
        var (from, to) = week.Range(directory.UtcOffset);
        var report = await queries.WeeklyAsync(directory.DistrictCode, from, to, cancellationToken);
        string[] headers(string first) => [first, text["Col_Received"], text["Col_Closed"], text["Col_Overdue"]];
        IReadOnlyList<IReadOnlyList<object>> Rows(IReadOnlyList<WeeklyTrackingRow> lines, Func<string?, string> name) =>
        [
            .. lines.Select(r => (IReadOnlyList<object>)[name(r.Code), r.Received, r.Closed, r.Overdue]),
            [text["Total"].Value, lines.Sum(r => r.Received), lines.Sum(r => r.Closed), lines.Sum(r => r.Overdue)],
        ];
        var period = string.Create(CultureInfo.InvariantCulture, $"{week} ({from:yyyy-MM-dd}–{to.AddDays(-1):yyyy-MM-dd})");
        return
        [
            new ExportTable(text["WeeklyByDepartment"], $"{text["WeeklyByDepartment"]} {period}", headers(text["Col_Department"]),
                Rows(report.ByDepartment, code => code is null ? text["NotRouted"] : names.Department(code))),
            new ExportTable(text["WeeklyByTown"], $"{text["WeeklyByTown"]} {period}", headers(text["Col_Town"]), Rows(report.ByTown, names.Town)),
        ];
    }

    private const int SqlFilterPage = 500;

    /// <summary>The district's wall-clock time, as a date cell in Excel.</summary>
    private DateTime LocalTime(DateTimeOffset instant) => directory.Local(instant).DateTime;
}
