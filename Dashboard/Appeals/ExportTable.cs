namespace Dashboard.Appeals;

/// <summary>One table of an export: a title (the sheet's name in Excel, a heading line in CSV), headers, and rows whose
/// cells are text or numbers (numbers stay numbers in Excel).</summary>
internal sealed record ExportTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object>> Rows);
