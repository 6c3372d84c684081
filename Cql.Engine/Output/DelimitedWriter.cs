using Cql.Engine.Execution;
using System.Text;

namespace Cql.Engine.Output;

/// <summary>CSV per RFC 4180 (comma, quotes doubled; lines end in LF as Unix tools, DuckDB and pandas expect, or in
/// RFC 4180's CR LF when asked) or TSV (tab, LF; tabs and newlines in values escaped as \t \n).</summary>
internal static class DelimitedWriter
{
    static readonly System.Buffers.SearchValues<char> CsvSpecials = System.Buffers.SearchValues.Create(",\"\n\r");

    public static long Write(IBatchStream rows, TextWriter w, bool tsv, bool crlf, CancellationToken ct)
    {
        var sep = tsv ? '\t' : ',';
        var newline = crlf ? "\r\n" : "\n";
        for (int c = 0; c < rows.Columns.Count; c++)
        {
            if (c > 0) w.Write(sep);
            WriteField(w, rows.Columns[c].Name, tsv);
        }
        w.Write(newline);
        long n = 0;
        while (rows.MoveNext(ct))
        {
            var b = rows.Current;
            for (int r = 0; r < b.RowCount; r++)
            {
                for (int c = 0; c < b.Columns.Count; c++)
                {
                    if (c > 0) w.Write(sep);
                    var s = CellText.Of(b.Columns[c], r);
                    if (s is not null) WriteField(w, s, tsv);
                }
                w.Write(newline);
            }
            n += b.RowCount;
        }
        return n;
    }

    static void WriteField(TextWriter w, string s, bool tsv)
    {
        if (tsv)
        {
            if (s.AsSpan().IndexOfAny('\t', '\n', '\r') < 0 && !s.Contains('\\')) { w.Write(s); return; }
            var sb = new StringBuilder(s.Length + 8);
            foreach (var ch in s)
                sb.Append(ch switch { '\t' => "\\t", '\n' => "\\n", '\r' => "\\r", '\\' => "\\\\", _ => ch.ToString() });
            w.Write(sb);
            return;
        }
        if (s.AsSpan().IndexOfAny(CsvSpecials) < 0 && (s.Length == 0 || (s[0] != ' ' && s[^1] != ' '))) { w.Write(s); return; }
        w.Write('"');
        w.Write(s.Replace("\"", "\"\""));
        w.Write('"');
    }
}
