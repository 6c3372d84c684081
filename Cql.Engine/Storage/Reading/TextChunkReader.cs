using Microsoft.Win32.SafeHandles;
using System.Buffers;
using System.Buffers.Binary;

namespace Cql.Engine.Storage.Reading;

/// <summary>
/// Reads a text (BYTE_ARRAY) column chunk into a <see cref="StringVector"/> without a string per row. A dictionary
/// page is decoded once (one char[] per distinct value: predicates and group keys compare buffers by reference)
/// and dictionary data pages become codes into it, so tests run per distinct value; plain pages are decoded into
/// one char buffer per page, sliced per row. With a selection, plain pages transcode only the selected rows (late
/// materialisation: `quotes where speaker = X` keeps a few percent of each row group's text).
/// </summary>
public static class TextChunkReader
{
    public static StringVector Read(SafeFileHandle file, ParquetColumn column, ColumnChunkMeta chunk, int rowCount, ColumnType type, int[]? selection = null)
    {
        try
        {
            using var pages = new ChunkPages(file, column, chunk);
            try { return Read(pages, column.MaxDefinitionLevel, rowCount, type, selection); }
            catch (ParquetDataException e) { throw pages.Locate(e); }
        }
        catch (ParquetDataException e) { throw e.At(column.Name, chunk.RowGroup, -1, chunk.Start); }
    }

    /// <summary>What decoding a chunk has built so far, handed by reference from step to step (a struct: the steps
    /// allocate nothing for it). Pages may switch from dictionary to plain encoding midway (a writer falls back to
    /// plain when the dictionary grows too big), so either kind of page must fill in what the other left.</summary>
    struct Decoding
    {
        public int RowCount, MaxDefinition;
        public int[]? Selection;
        public ReadOnlyMemory<char>[]? Dictionary;
        public int[]? Codes;                      // made by the first dictionary data page
        public ReadOnlyMemory<char>[]? Values;    // made by the first plain page (without a selection)
        public bool[]? Nulls;
        public ReadOnlyMemory<char>[]? SelValues; // plain pages under a selection: the selected rows' text
        public bool[]? SelNulls;
        public int Row;    // rows before the current page
        public int SelPos; // selection entries before the current page
        public byte[]? PlainBuffer;
    }

    static StringVector Read(ChunkPages pages, int maxDefinition, int rowCount, ColumnType type, int[]? selection)
    {
        var d = new Decoding { RowCount = rowCount, MaxDefinition = maxDefinition, Selection = selection };
        try
        {
            while (pages.Next(out var page))
            {
                if (page.Type == PageType.DictionaryPage)
                {
                    d.Dictionary = DecodeDictionary(page);
                    continue;
                }
                int n = page.NumValues;
                if (n > rowCount - d.Row) throw new ParquetDataException("more values than rows in the column chunk");
                int selEnd = d.SelPos;
                if (selection is not null) while (selEnd < selection.Length && selection[selEnd] < d.Row + n) selEnd++;
                if (page.Encoding is ParquetEncoding.PlainDictionary or ParquetEncoding.RleDictionary) DictionaryDataPage(ref d, page, n, selEnd);
                else PlainDataPage(ref d, page, n, selEnd);
                d.Row += n;
                d.SelPos = selEnd;
            }
        }
        finally { if (d.PlainBuffer is not null) ArrayPool<byte>.Shared.Return(d.PlainBuffer); }
        if (d.Row != rowCount) throw new ParquetDataException($"column chunk holds {d.Row} values for {rowCount} rows");
        return Result(ref d, type);
    }

    /// <summary>A dictionary-encoded data page: its rows' codes, and their text where plain pages before made
    /// text the vector's form.</summary>
    static void DictionaryDataPage(ref Decoding d, in ChunkPage page, int n, int selEnd)
    {
        var dictionary = d.Dictionary ?? throw new ParquetDataException("dictionary-encoded page without a dictionary");
        var codes = d.Codes ??= new int[d.RowCount];
        int row = d.Row;
        var dense = codes.AsSpan(row, page.NonNull);
        if (!dense.IsEmpty) RleHybrid.DecodeIndices(page.Body, dense);
        uint size = (uint)dictionary.Length;
        foreach (var c in dense) if ((uint)c >= size) throw new ParquetDataException($"dictionary index {c} out of range (dictionary of {size})");
        if (page.NonNull < n) SpreadCodes(codes, row, n, page.NonNull, page.Definitions, d.MaxDefinition, ref d.Nulls, d.RowCount);
        var nulls = d.Nulls;
        if (d.Values is { } values)
            for (int i = row; i < row + n; i++) if (nulls is null || !nulls[i]) values[i] = dictionary[codes[i]];
        if (d.SelValues is { } selValues)
            for (int k = d.SelPos; k < selEnd; k++)
            {
                int r = d.Selection![k];
                if (nulls is not null && nulls[r]) (d.SelNulls ??= new bool[d.Selection.Length])[k] = true;
                else selValues[k] = dictionary[codes[r]];
            }
    }

    /// <summary>A plain (or plain-convertible) data page: every row's text, or only the selected rows'; rows that
    /// dictionary pages before gave codes get their text first.</summary>
    static void PlainDataPage(ref Decoding d, in ChunkPage page, int n, int selEnd)
    {
        var plain = page.Encoding == ParquetEncoding.Plain
            ? page.Body
            : PlainConversion.ToPlain(page.Encoding, PhysicalType.ByteArray, page.Body, page.NonNull, ref d.PlainBuffer);
        if (d.Selection is { } selection)
        {
            if (d.SelValues is null)
            {
                d.SelValues = new ReadOnlyMemory<char>[selection.Length];
                for (int k = 0; k < d.SelPos; k++)
                {
                    int r = selection[k];
                    if (d.Nulls is not null && d.Nulls[r]) (d.SelNulls ??= new bool[selection.Length])[k] = true;
                    else d.SelValues[k] = d.Dictionary![d.Codes![r]];
                }
            }
            PlainSelected(plain, d.Row, n, page.Definitions, d.MaxDefinition, selection, d.SelPos, selEnd, d.SelValues, ref d.SelNulls);
        }
        else
        {
            if (d.Values is null)
            {
                d.Values = new ReadOnlyMemory<char>[d.RowCount];
                for (int i = 0; i < d.Row; i++) if (d.Nulls is null || !d.Nulls[i]) d.Values[i] = d.Dictionary![d.Codes![i]];
            }
            PlainAll(plain, d.Row, n, page.Definitions, d.MaxDefinition, d.Values, ref d.Nulls, d.RowCount);
        }
    }

    /// <summary>The vector in the form the pages left: text per row, or codes into the dictionary (gathered down to
    /// the selection when there is one).</summary>
    static StringVector Result(ref Decoding d, ColumnType type)
    {
        int rowCount = d.RowCount;
        if (d.Selection is { } selection)
        {
            if (d.SelValues is not null) return new StringVector(d.SelValues, d.SelNulls, selection.Length, type);
            var whole = d.Codes is not null
                ? StringVector.WithDictionary(d.Nulls, rowCount, type, d.Codes, d.Dictionary!)
                : new StringVector(new ReadOnlyMemory<char>[rowCount], d.Nulls, rowCount, type); // no pages: every row null
            return (StringVector)VectorOps.Gather(whole, selection);
        }
        if (d.Values is not null) return new StringVector(d.Values, d.Nulls, rowCount, type);
        if (d.Codes is not null) return StringVector.WithDictionary(d.Nulls, rowCount, type, d.Codes, d.Dictionary!);
        return new StringVector(new ReadOnlyMemory<char>[rowCount], d.Nulls, rowCount, type);
    }

    /// <summary>One char[] per entry, exactly its length: the scan's string tests recognise a dictionary value by
    /// its buffer.</summary>
    static ReadOnlyMemory<char>[] DecodeDictionary(in ChunkPage page)
    {
        if (page.Encoding is not (ParquetEncoding.Plain or ParquetEncoding.PlainDictionary))
            throw new ParquetDataException($"dictionary page encoded {page.Encoding}");
        var body = page.Body;
        // Each entry takes at least its 4-byte length.
        if (page.NumValues > body.Length / 4) throw new ParquetDataException($"dictionary page of {body.Length} bytes claims {page.NumValues} values");
        var dictionary = new ReadOnlyMemory<char>[page.NumValues];
        int p = 0;
        for (int i = 0; i < dictionary.Length; i++)
        {
            int len = Length(body, p, i);
            p += 4;
            var bytes = body.Slice(p, len);
            p += len;
            char[] chars;
            if (System.Text.Ascii.IsValid(bytes))
            {
                chars = new char[len];
                System.Text.Ascii.ToUtf16(bytes, chars, out _);
            }
            else
            {
                chars = new char[System.Text.Encoding.UTF8.GetCharCount(bytes)];
                System.Text.Encoding.UTF8.GetChars(bytes, chars);
            }
            dictionary[i] = chars;
        }
        return dictionary;
    }

    /// <summary>The length prefix of value <paramref name="index"/> at <paramref name="at"/>, checked against the
    /// bytes left: the one check per value a variable-length encoding needs (two compares, no call).</summary>
    static int Length(ReadOnlySpan<byte> body, int at, int index)
    {
        if (at > body.Length - 4) throw new ParquetDataException($"text value {index} starts past the end of its page ({body.Length} bytes)");
        int len = BinaryPrimitives.ReadInt32LittleEndian(body[at..]);
        if ((uint)len > (uint)(body.Length - at - 4))
            throw new ParquetDataException($"text value {index} of {len} bytes runs past the end of its page ({body.Length} bytes)");
        return len;
    }

    static void SpreadCodes(int[] codes, int row, int n, int present, ReadOnlySpan<int> defs, int maxDefinition, ref bool[]? nulls, int rowCount)
    {
        nulls ??= new bool[rowCount];
        int j = present - 1;
        for (int i = n - 1; i >= 0; i--)
        {
            if (defs[i] == maxDefinition) codes[row + i] = codes[row + j--];
            else { codes[row + i] = 0; nulls[row + i] = true; }
        }
    }

    /// <summary>Every row of a plain page: one char buffer for the page, a slice per row.</summary>
    static void PlainAll(ReadOnlySpan<byte> body, int row, int n, ReadOnlySpan<int> defs, int maxDefinition,
        ReadOnlyMemory<char>[] values, ref bool[]? nulls, int rowCount)
    {
        // UTF-8 never takes fewer bytes than UTF-16 units, so the page's size bounds its chars.
        var chars = new char[body.Length];
        int bp = 0, cp = 0;
        bool hasDefs = !defs.IsEmpty;
        for (int i = 0; i < n; i++)
        {
            if (hasDefs && defs[i] != maxDefinition) { (nulls ??= new bool[rowCount])[row + i] = true; continue; }
            int len = Length(body, bp, i);
            bp += 4;
            int count = System.Text.Encoding.UTF8.GetChars(body.Slice(bp, len), chars.AsSpan(cp));
            bp += len;
            values[row + i] = chars.AsMemory(cp, count);
            cp += count;
        }
    }

    /// <summary>Only the selected rows of a plain page (selection[from..to]): first how many bytes they hold, then
    /// transcode just those into one buffer.</summary>
    static void PlainSelected(ReadOnlySpan<byte> body, int row, int n, ReadOnlySpan<int> defs, int maxDefinition,
        int[] selection, int from, int to, ReadOnlyMemory<char>[] selValues, ref bool[]? selNulls)
    {
        if (from == to) return;
        bool hasDefs = !defs.IsEmpty;
        int need = 0, bp = 0, k = from;
        for (int i = 0; i < n && k < to; i++)
        {
            if (hasDefs && defs[i] != maxDefinition) { if (selection[k] == row + i) k++; continue; }
            int len = Length(body, bp, i);
            if (selection[k] == row + i) { need += len; k++; }
            bp += 4 + len;
        }
        var chars = new char[need];
        int cp = 0;
        bp = 0;
        k = from;
        for (int i = 0; i < n && k < to; i++)
        {
            bool wanted = selection[k] == row + i;
            if (hasDefs && defs[i] != maxDefinition)
            {
                if (wanted) { (selNulls ??= new bool[selection.Length])[k] = true; k++; }
                continue;
            }
            int len = BinaryPrimitives.ReadInt32LittleEndian(body[bp..]);
            bp += 4;
            if (wanted)
            {
                int count = System.Text.Encoding.UTF8.GetChars(body.Slice(bp, len), chars.AsSpan(cp));
                selValues[k++] = chars.AsMemory(cp, count);
                cp += count;
            }
            bp += len;
        }
    }
}
