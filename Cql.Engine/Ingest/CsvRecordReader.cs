using System.Text;

namespace Cql.Engine.Ingest;

/// <summary>
/// Reads RFC 4180 records: fields separated by the delimiter, optionally in double quotes (quotes doubled inside,
/// newlines allowed), records ended by LF or CRLF. Written here because CsvHelper 34 (the one CSV package in our
/// registry) changed its API and we only need this much. Lenient: a stray quote inside an unquoted field is text.
/// </summary>
public sealed class CsvRecordReader(string text, char delimiter)
{
    int _pos;

    /// <summary>Guesses the delimiter from the header line: the most frequent of , ; tab |.</summary>
    public static char DetectDelimiter(string text)
    {
        int end = text.IndexOf('\n');
        var header = end < 0 ? text : text[..end];
        char best = ',';
        int bestCount = 0;
        foreach (var d in new[] { ',', ';', '\t', '|' })
        {
            int n = header.Count(c => c == d);
            if (n > bestCount) { best = d; bestCount = n; }
        }
        return best;
    }

    /// <summary>The next record, or null at the end.</summary>
    public string[]? Read()
    {
        if (_pos >= text.Length) return null;
        var fields = new List<string>();
        var sb = new StringBuilder();
        while (true)
        {
            sb.Clear();
            if (_pos < text.Length && text[_pos] == '"')
            {
                _pos++;
                while (_pos < text.Length)
                {
                    char c = text[_pos++];
                    if (c == '"')
                    {
                        if (_pos < text.Length && text[_pos] == '"') { sb.Append('"'); _pos++; }
                        else break;
                    }
                    else sb.Append(c);
                }
                // Text after the closing quote up to the delimiter is kept (lenient).
                while (_pos < text.Length && text[_pos] != delimiter && text[_pos] != '\n' && text[_pos] != '\r') sb.Append(text[_pos++]);
            }
            else
            {
                while (_pos < text.Length && text[_pos] != delimiter && text[_pos] != '\n' && text[_pos] != '\r') sb.Append(text[_pos++]);
            }
            fields.Add(sb.ToString());
            if (_pos >= text.Length) return fields.ToArray();
            char end = text[_pos++];
            if (end == delimiter) continue;
            if (end == '\r' && _pos < text.Length && text[_pos] == '\n') _pos++;
            return fields.ToArray();
        }
    }
}
