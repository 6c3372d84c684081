using Sylvan.Data.Csv;

namespace Cql.Engine.Ingest;

/// <summary>
/// Reads RFC 4180 records through Sylvan.Data.Csv: fields separated by the delimiter, optionally in double quotes
/// (quotes doubled inside, newlines allowed), records ended by LF, CRLF or CR, a blank line a record of one empty
/// field. Lenient, as hand-made files need (Sylvan's lax style): a quote inside an unquoted field is text, and text
/// after a closing quote is kept. Sylvan rather than Sep (both in our registry, both fast): Sep takes a quote
/// anywhere in a field as the start of quoting, so one stray quote in an unquoted field swallowed the rest of the
/// file into one field, where Sylvan's lax mode reads it as we always have.
/// </summary>
public sealed class CsvRecordReader(string text, char delimiter) : IDisposable
{
    readonly CsvDataReader _reader = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions
    {
        HasHeaders = false, // the caller reads the header as a record, to match its names its own way
        Delimiter = delimiter,
        CsvStyle = CsvStyle.Lax,
        // No comment lines: a field may start with '#'. NUL never starts a record, decoded text has none.
        Comment = '\0',
        // A record (an article) may be megabytes: the buffer may grow to the whole text, which is in memory already.
        MaxBufferSize = Math.Max(1 << 16, text.Length + 1),
    });

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
        if (!_reader.Read()) return null;
        var fields = new string[_reader.RowFieldCount];
        for (int i = 0; i < fields.Length; i++) fields[i] = _reader.GetString(i);
        return fields;
    }

    public void Dispose() => _reader.Dispose();
}
