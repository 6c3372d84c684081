using Sylvan.Data.Csv;
using System.Text;

namespace Cql.Engine.Storage.Tables;

/// <summary>
/// The records of one CSV file, strictly by RFC 4180 (Sylvan.Data.Csv's standard style: a field in double quotes
/// may hold the delimiter, doubled quotes and line breaks; a quote that is never closed, or text after a closing
/// quote, is an error), decoded as UTF-8 with or without a BOM. Each record knows the line it starts on (line breaks
/// inside quoted fields counted), so every error names the file and the line. Blank lines are skipped.
/// </summary>
public sealed class CsvRecords : IDisposable
{
    readonly string _path;
    readonly CsvDataReader _reader;
    long _nextLine = 1;

    CsvRecords(string path, char delimiter)
    {
        _path = path;
        // The encoding with a preamble is what makes StreamReader drop a BOM; a UTF-16 one was refused before.
        var text = new StreamReader(CsvEncoding.Open(path), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
        _reader = CsvDataReader.Create(text, new CsvDataReaderOptions
        {
            HasHeaders = false, // the header is read as a record, to check its names and say where they go wrong
            Delimiter = delimiter,
            CsvStyle = CsvStyle.Standard,
            Comment = '\0', // no comment lines: a value may start with '#'
            MaxBufferSize = 64 << 20, // a record of up to 64 MB (a long text in one field)
        });
    }

    /// <summary>Opens <paramref name="path"/> (checked by <see cref="CsvEncoding.Check"/> first).</summary>
    public static CsvRecords Open(string path, char delimiter) => new(path, delimiter);

    /// <summary>The line the current record starts on, from 1.</summary>
    public long Line { get; private set; }

    public int FieldCount => _reader.RowFieldCount;

    public ReadOnlySpan<char> Field(int i) => _reader.GetFieldSpan(i);

    /// <summary>Moves to the next record that is not a blank line; false at the end.</summary>
    /// <exception cref="UserTableException">Bad quoting, a byte that is not UTF-8, a record too large.</exception>
    public bool Read()
    {
        while (true)
        {
            try
            {
                if (!_reader.Read()) return false;
            }
            catch (CsvRecordTooLargeException e)
            {
                throw new UserTableException(UserTableProblem.Quoting, _path, "a record longer than 64 MB: a quote that is never closed?", _nextLine, e);
            }
            catch (CsvFormatException e)
            {
                throw new UserTableException(UserTableProblem.Quoting, _path,
                    "a quoted field is not closed, or text follows its closing quote (RFC 4180: a field in quotes ends at a quote followed by the delimiter or the line's end; a quote inside is doubled)",
                    _nextLine, e);
            }
            catch (DecoderFallbackException e)
            {
                throw new UserTableException(UserTableProblem.Encoding, _path, "bytes that are not UTF-8 (the file changed since it was checked?)", _nextLine, e);
            }
            Line = _nextLine;
            long breaks = 0;
            int n = _reader.RowFieldCount;
            for (int i = 0; i < n; i++) breaks += _reader.GetFieldSpan(i).Count('\n');
            _nextLine += 1 + breaks;
            if (n == 1 && _reader.GetFieldSpan(0).IsEmpty) continue;
            return true;
        }
    }

    public void Dispose() => _reader.Dispose();
}
