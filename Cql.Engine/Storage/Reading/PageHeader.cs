namespace Cql.Engine.Storage.Reading;

/// <summary>Parquet page types (parquet.thrift <c>PageType</c>).</summary>
public enum PageType { DataPage = 0, IndexPage = 1, DictionaryPage = 2, DataPageV2 = 3 }

/// <summary>Parquet value encodings (parquet.thrift <c>Encoding</c>).</summary>
public enum ParquetEncoding
{
    Plain = 0, PlainDictionary = 2, Rle = 3, BitPacked = 4, DeltaBinaryPacked = 5, DeltaLengthByteArray = 6,
    DeltaByteArray = 7, RleDictionary = 8, ByteStreamSplit = 9,
}

/// <summary>
/// A page header (Thrift compact PageHeader) with what decoding needs. For a data page v2 the level lengths say
/// where the (never compressed) levels end and the values begin.
/// </summary>
public readonly record struct PageHeader(
    PageType Type, int UncompressedSize, int CompressedSize, int NumValues, ParquetEncoding Encoding,
    ParquetEncoding DefinitionEncoding, int NumNulls, int NumRows, int DefinitionLength, int RepetitionLength, bool IsCompressed)
{
    /// <summary>Parses the header at the start of <paramref name="data"/>; <paramref name="length"/> is its size.</summary>
    public static PageHeader Parse(ReadOnlySpan<byte> data, out int length)
    {
        var t = new ThriftCompact(data);
        int type = -1, unc = -1, comp = -1, num = 0, enc = 0, defEnc = (int)ParquetEncoding.Rle, nulls = 0, rows = 0, defLen = 0, repLen = 0;
        bool compressed = true, sawBody = false;
        short last = 0;
        while (t.NextField(ref last, out var id, out var ft))
        {
            switch (id)
            {
                case 1 when ft == ThriftCompact.I32: type = t.I32Value(); break;
                case 2 when ft == ThriftCompact.I32: unc = t.I32Value(); break;
                case 3 when ft == ThriftCompact.I32: comp = t.I32Value(); break;
                case 5 or 7 or 8 when ft == ThriftCompact.Struct:
                {
                    // data_page_header (5), dictionary_page_header (7), data_page_header_v2 (8)
                    sawBody = true;
                    short l = 0;
                    while (t.NextField(ref l, out var sid, out var st))
                    {
                        if (st == ThriftCompact.I32)
                        {
                            int v = t.I32Value();
                            if (sid == 1) num = v;
                            else if (id == 8)
                            {
                                if (sid == 2) nulls = v;
                                else if (sid == 3) rows = v;
                                else if (sid == 4) enc = v;
                                else if (sid == 5) defLen = v;
                                else if (sid == 6) repLen = v;
                            }
                            else if (sid == 2) enc = v;
                            else if (id == 5 && sid == 3) defEnc = v;
                        }
                        else if (id == 8 && sid == 7 && st is ThriftCompact.True or ThriftCompact.False) compressed = st == ThriftCompact.True;
                        else t.Skip(st);
                    }
                    break;
                }
                default: t.Skip(ft); break;
            }
        }
        length = t.Position;
        if (type is < 0 or > 3 || comp < 0 || unc < 0 || num < 0 || nulls < 0 || defLen < 0 || repLen < 0 || defLen + repLen > comp
            || (type != (int)PageType.IndexPage && !sawBody))
            throw new InvalidDataException("bad page header");
        return new PageHeader((PageType)type, unc, comp, num, (ParquetEncoding)enc, (ParquetEncoding)defEnc, nulls, rows, defLen, repLen, compressed);
    }
}
