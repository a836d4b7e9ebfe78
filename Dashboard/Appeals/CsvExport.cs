using System.Globalization;
using System.Text;

namespace Dashboard.Appeals;

/// <summary>CSV as Excel on a Chinese Windows opens it: UTF-8 with a byte-order mark (otherwise Excel guesses GBK and the
/// Chinese turns to mojibake), CRLF lines, RFC 4180 quoting. One table per file, the header in the first line, so every
/// program reads it as one table; times as "yyyy-MM-dd HH:mm".</summary>
internal static class CsvExport
{
    public static byte[] Write(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder();
        AppendLine(text, table.Headers);
        foreach (var row in table.Rows)
        {
            AppendLine(text, row);
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    private static void AppendLine(StringBuilder text, IEnumerable<object> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            text.Append(Quote(cell is DateTime time
                ? time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
                : Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty));
        }

        text.Append("\r\n");
    }

    private static string Quote(string value)
    {
        // A leading = + - @ would make Excel run the cell as a formula (CSV injection).
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
