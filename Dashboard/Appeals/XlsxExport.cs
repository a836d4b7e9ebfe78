using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dashboard.Appeals;

/// <summary>An Excel workbook with one worksheet per table: the title in the first row, headers in the second (bold, frozen,
/// with a filter), text as inline strings, numbers as numbers, times as date cells with a format, and columns as wide as
/// their content.</summary>
internal static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;
    private const uint TitleStyle = 3;
    private const uint HeaderRow = 2;

    public static byte[] Write(IReadOnlyList<ExportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var table in tables)
            {
                var worksheet = workbook.AddNewPart<WorksheetPart>();
                worksheet.Worksheet = Sheet(table);
                sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = sheetId++, Name = SheetName(table.SheetName, usedNames) });
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Worksheet Sheet(ExportTable table)
    {
        var data = new SheetData();
        data.AppendChild(Row(1, [table.Title], TitleStyle));
        data.AppendChild(Row(HeaderRow, table.Headers, HeaderStyle));
        uint rowIndex = HeaderRow + 1;
        foreach (var row in table.Rows)
        {
            data.AppendChild(Row(rowIndex++, row, null));
        }

        var lastColumn = ColumnName(Math.Max(0, table.Headers.Count - 1));
        var lastRow = Math.Max(HeaderRow, rowIndex - 1).ToString(CultureInfo.InvariantCulture);
        return new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = HeaderRow, TopLeftCell = $"A{HeaderRow + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
            { WorkbookViewId = 0 }),
            Columns(table),
            data,
            new AutoFilter { Reference = $"A{HeaderRow}:{lastColumn}{lastRow}" });
    }

    /// <summary>Each column as wide as its longest cell (Chinese characters count double), within reason.</summary>
    private static Columns Columns(ExportTable table)
    {
        var columns = new Columns();
        for (var i = 0; i < table.Headers.Count; i++)
        {
            var widest = table.Rows.Select(r => i < r.Count ? Width(r[i]) : 0).Prepend(Width(table.Headers[i])).Max();
            var index = (uint)(i + 1);
            columns.AppendChild(new Column { Min = index, Max = index, Width = Math.Clamp(widest + 2, 6, 60), CustomWidth = true });
        }

        return columns;
    }

    private static double Width(object value) => value switch
    {
        DateTime => 16,
        _ => (Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty).Sum(c => c > 0x2E80 ? 2.0 : 1.1),
    };

    private static Row Row(uint index, IEnumerable<object> cells, uint? style)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var value in cells)
        {
            var cell = Cell(ColumnName(column++) + index.ToString(CultureInfo.InvariantCulture), value);
            if (style is { } s)
            {
                cell.StyleIndex = s;
            }

            row.AppendChild(cell);
        }

        return row;
    }

    private static Cell Cell(string reference, object value) => value switch
    {
        int or long or double or decimal => new Cell
        {
            CellReference = reference,
            DataType = CellValues.Number,
            CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "0"),
        },
        DateTime time => new Cell
        {
            CellReference = reference,
            StyleIndex = DateStyle,
            CellValue = new CellValue(time.ToOADate().ToString(CultureInfo.InvariantCulture)),
        },
        _ => new Cell
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty) { Space = SpaceProcessingModeValues.Preserve }),
        },
    };

    /// <summary>Cell formats: 0 plain, 1 header (bold), 2 date and time, 3 title (bold).</summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd hh:mm" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true }) { Count = 4 });

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Excel refuses sheet names over 31 characters, with []:*?/\ in them, or used twice; the names given are short.</summary>
    private static string SheetName(string name, HashSet<string> used)
    {
        var clean = new string([.. name.Where(c => "[]:*?/\\".IndexOf(c, StringComparison.Ordinal) < 0)]);
        clean = clean.Length == 0 ? "Sheet" : clean[..Math.Min(clean.Length, 28)];
        var unique = clean;
        for (var n = 2; !used.Add(unique); n++)
        {
            unique = clean + n.ToString(CultureInfo.InvariantCulture);
        }

        return unique;
    }
}
