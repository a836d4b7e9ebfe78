namespace Dashboard.Appeals;

/// <summary>One table of an export: a short sheet name (Excel allows 31 characters), a title line (the period, the filter),
/// headers, and rows whose cells are text, numbers (numbers in Excel) or local times (<see cref="DateTime"/>, date cells
/// in Excel).</summary>
internal sealed record ExportTable(string SheetName, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object>> Rows);
