using System.Buffers;
using System.Buffers.Binary;
using Cql.Engine.Execution;
using Microsoft.Win32.SafeHandles;

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
        using var pages = new ChunkPages(file, column, chunk);
        return Read(pages, column.MaxDefinitionLevel, rowCount, type, selection);
    }

    static StringVector Read(ChunkPages pages, int maxDefinition, int rowCount, ColumnType type, int[]? selection)
    {
        ReadOnlyMemory<char>[]? dictionary = null;
        int[]? codes = null;                    // made by the first dictionary page
        ReadOnlyMemory<char>[]? values = null;  // made by the first plain page (without a selection)
        bool[]? nulls = null;
        ReadOnlyMemory<char>[]? selValues = null; // plain pages under a selection: the selected rows' text
        bool[]? selNulls = null;
        int selPos = 0; // selection entries before the current page
        int row = 0;
        byte[]? plainBuffer = null;
        try
        {
            while (pages.Next(out var page))
            {
                if (page.Type == PageType.DictionaryPage)
                {
                    dictionary = DecodeDictionary(page);
                    continue;
                }
                int n = page.NumValues;
                if (n > rowCount - row) throw new InvalidDataException("more values than rows in the column chunk");
                var defs = page.Definitions;
                int selEnd = selPos;
                if (selection is not null) while (selEnd < selection.Length && selection[selEnd] < row + n) selEnd++;
                if (page.Encoding is ParquetEncoding.PlainDictionary or ParquetEncoding.RleDictionary)
                {
                    if (dictionary is null) throw new InvalidDataException("dictionary-encoded page without a dictionary");
                    codes ??= new int[rowCount];
                    var dense = codes.AsSpan(row, page.NonNull);
                    if (!dense.IsEmpty) RleHybrid.Decode(page.Body[1..], page.Body[0], dense);
                    uint size = (uint)dictionary.Length;
                    foreach (var c in dense) if ((uint)c >= size) throw new InvalidDataException("dictionary index out of range");
                    if (page.NonNull < n) SpreadCodes(codes, row, n, page.NonNull, defs, maxDefinition, ref nulls, rowCount);
                    // Rows of this page that a plain page before already gave text: follow suit.
                    if (values is not null)
                        for (int i = row; i < row + n; i++) if (nulls is null || !nulls[i]) values[i] = dictionary[codes[i]];
                    if (selValues is not null)
                        for (int k = selPos; k < selEnd; k++)
                        {
                            int r = selection![k];
                            if (nulls is not null && nulls[r]) (selNulls ??= new bool[selection.Length])[k] = true;
                            else selValues[k] = dictionary[codes[r]];
                        }
                }
                else
                {
                    var plain = page.Encoding == ParquetEncoding.Plain
                        ? page.Body
                        : PlainConversion.ToPlain(page.Encoding, PhysicalType.ByteArray, page.Body, page.NonNull, ref plainBuffer);
                    if (selection is not null)
                    {
                        if (selValues is null)
                        {
                            // Rows before came from dictionary pages (a writer falls back to plain when the
                            // dictionary grows too big): give the selected ones their text.
                            selValues = new ReadOnlyMemory<char>[selection.Length];
                            for (int k = 0; k < selPos; k++)
                            {
                                int r = selection[k];
                                if (nulls is not null && nulls[r]) (selNulls ??= new bool[selection.Length])[k] = true;
                                else selValues[k] = dictionary![codes![r]];
                            }
                        }
                        PlainSelected(plain, row, n, defs, maxDefinition, selection, selPos, selEnd, selValues, ref selNulls);
                    }
                    else
                    {
                        if (values is null)
                        {
                            values = new ReadOnlyMemory<char>[rowCount];
                            for (int i = 0; i < row; i++) if (nulls is null || !nulls[i]) values[i] = dictionary![codes![i]];
                        }
                        PlainAll(plain, row, n, defs, maxDefinition, values, ref nulls, rowCount);
                    }
                }
                row += n;
                selPos = selEnd;
            }
        }
        finally { if (plainBuffer is not null) ArrayPool<byte>.Shared.Return(plainBuffer); }
        if (row != rowCount) throw new InvalidDataException($"column chunk holds {row} values for {rowCount} rows");
        if (selection is not null)
        {
            if (selValues is not null) return new StringVector(selValues, selNulls, selection.Length, type);
            var whole = codes is not null
                ? StringVector.WithDictionary(nulls, rowCount, type, codes, dictionary!)
                : new StringVector(new ReadOnlyMemory<char>[rowCount], nulls, rowCount, type); // no pages: every row null
            return (StringVector)VectorOps.Gather(whole, selection);
        }
        if (values is not null) return new StringVector(values, nulls, rowCount, type);
        if (codes is not null) return StringVector.WithDictionary(nulls, rowCount, type, codes, dictionary!);
        return new StringVector(new ReadOnlyMemory<char>[rowCount], nulls, rowCount, type);
    }

    /// <summary>One char[] per entry, exactly its length: the scan's string tests recognise a dictionary value by
    /// its buffer.</summary>
    static ReadOnlyMemory<char>[] DecodeDictionary(in ChunkPage page)
    {
        if (page.Encoding is not (ParquetEncoding.Plain or ParquetEncoding.PlainDictionary))
            throw new InvalidDataException($"dictionary page encoded {page.Encoding}");
        var body = page.Body;
        // Each entry takes at least its 4-byte length.
        if (page.NumValues > body.Length / 4) throw new InvalidDataException($"dictionary page of {body.Length} bytes claims {page.NumValues} values");
        var dictionary = new ReadOnlyMemory<char>[page.NumValues];
        int p = 0;
        for (int i = 0; i < dictionary.Length; i++)
        {
            int len = BinaryPrimitives.ReadInt32LittleEndian(body[p..]);
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
            int len = BinaryPrimitives.ReadInt32LittleEndian(body[bp..]);
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
            int len = BinaryPrimitives.ReadInt32LittleEndian(body[bp..]);
            if (len < 0) throw new InvalidDataException("negative text length");
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
