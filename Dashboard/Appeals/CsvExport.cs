using System.Globalization;
using System.Text;

namespace Dashboard.Appeals;

/// <summary>CSV as Excel on a Chinese Windows opens it: UTF-8 with a byte-order mark (otherwise Excel guesses GBK and the
/// Chinese turns to mojibake), CRLF lines, RFC 4180 quoting. Several tables follow one another, each under its title.</summary>
internal static class CsvExport
{
    public static byte[] Write(IReadOnlyList<ExportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            if (tables.Count > 1)
            {
                if (text.Length > 0)
                {
                    text.Append("\r\n");
                }

                AppendLine(text, [table.Title]);
            }

            AppendLine(text, table.Headers);
            foreach (var row in table.Rows)
            {
                AppendLine(text, row);
            }
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
            text.Append(Quote(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty));
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
