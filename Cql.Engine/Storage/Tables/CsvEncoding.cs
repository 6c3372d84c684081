using System.Text.Unicode;

namespace Cql.Engine.Storage.Tables;

/// <summary>
/// Checks, before a CSV file is parsed, that it is UTF-8 (a BOM allowed) and not empty, and guesses its delimiter
/// from the header line: one pass over the bytes, in blocks, validated with the runtime's vectorised UTF-8 check,
/// so a bad byte is reported with its line (counted in the bytes, so it is right inside quoted fields too).
/// </summary>
public static class CsvEncoding
{
    const int Block = 1 << 20;

    /// <summary>The delimiter: TAB for a .tsv file, else the most frequent of ',', ';' and TAB in the header line
    /// outside quotes (',' when none is there or on a tie with it).</summary>
    /// <exception cref="UserTableException">Empty, not UTF-8, or unreadable.</exception>
    public static char Check(string path)
    {
        using var stream = Open(path);
        var buffer = new byte[Block + 4];
        int carry = 0;
        long line = 1;
        bool first = true;
        char delimiter = ',';
        while (true)
        {
            int n = ReadSome(stream, buffer.AsSpan(carry, Block), path);
            int length = carry + n;
            bool end = n == 0;
            var data = buffer.AsSpan(0, length);
            if (first)
            {
                if (data is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
                    throw new UserTableException(UserTableProblem.Encoding, path, "the file is UTF-16, and a table file must be UTF-8: save it as UTF-8", 1);
                var body = data.StartsWith("\uFEFF"u8) ? data[3..] : data;
                if (body.Trim("\r\n \t"u8).IsEmpty && end)
                    throw new UserTableException(UserTableProblem.Empty, path, "the file is empty: a CSV table needs a header line naming its columns");
                delimiter = path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : Guess(body);
                first = false;
            }
            int complete = end ? length : CompleteLength(data);
            var whole = data[..complete];
            if (!Utf8.IsValid(whole))
            {
                int bad = FirstInvalid(whole);
                line += whole[..bad].Count((byte)'\n');
                throw new UserTableException(UserTableProblem.Encoding, path,
                    $"byte 0x{whole[bad]:X2} is not UTF-8: a table file must be UTF-8 (save it as UTF-8)", line);
            }
            line += whole.Count((byte)'\n');
            if (end) return delimiter;
            carry = length - complete;
            data[complete..].CopyTo(buffer);
        }
    }

    /// <summary>Opens a file for reading, saying which file when it cannot be.</summary>
    public static FileStream Open(string path)
    {
        try { return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan); }
        catch (FileNotFoundException e) { throw new UserTableException(UserTableProblem.Missing, path, "no such file", 0, e); }
        catch (DirectoryNotFoundException e) { throw new UserTableException(UserTableProblem.Missing, path, "no such file", 0, e); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserTableException(UserTableProblem.Missing, path, e.Message, 0, e);
        }
    }

    static int ReadSome(Stream stream, Span<byte> into, string path)
    {
        int total = 0;
        try
        {
            while (total < into.Length && stream.Read(into[total..]) is > 0 and var r) total += r;
        }
        catch (IOException e) { throw new UserTableException(UserTableProblem.Missing, path, e.Message, 0, e); }
        return total;
    }

    /// <summary>The length of <paramref name="data"/> without a UTF-8 sequence cut off at its end by the block.</summary>
    static int CompleteLength(ReadOnlySpan<byte> data)
    {
        int i = data.Length - 1;
        while (i >= 0 && data.Length - i < 4 && (data[i] & 0xC0) == 0x80) i--;
        if (i < 0 || data[i] < 0xC0) return data.Length;
        int needed = data[i] >= 0xF0 ? 4 : data[i] >= 0xE0 ? 3 : 2;
        return data.Length - i < needed ? i : data.Length;
    }

    static int FirstInvalid(ReadOnlySpan<byte> data)
    {
        var chars = new char[data.Length];
        Utf8.ToUtf16(data, chars, out int read, out _, replaceInvalidSequences: false);
        return Math.Min(read, data.Length - 1);
    }

    static char Guess(ReadOnlySpan<byte> data)
    {
        int end = data.IndexOf((byte)'\n');
        var header = end < 0 ? data : data[..end];
        int comma = 0, semicolon = 0, tab = 0;
        bool quoted = false;
        foreach (var b in header)
        {
            if (b == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (b == ',') comma++;
            else if (b == ';') semicolon++;
            else if (b == '\t') tab++;
        }
        if (semicolon > comma && semicolon >= tab) return ';';
        if (tab > comma && tab > semicolon) return '\t';
        return ',';
    }
}
