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
                case ParquetThrift.PageHeader.Type when ft == ThriftCompact.I32: type = t.I32Value(); break;
                case ParquetThrift.PageHeader.UncompressedPageSize when ft == ThriftCompact.I32: unc = t.I32Value(); break;
                case ParquetThrift.PageHeader.CompressedPageSize when ft == ThriftCompact.I32: comp = t.I32Value(); break;
                case ParquetThrift.PageHeader.DataPageHeaderV2 when ft == ThriftCompact.Struct:
                {
                    sawBody = true;
                    short l = 0;
                    while (t.NextField(ref l, out var sid, out var st))
                    {
                        if (st == ThriftCompact.I32)
                        {
                            int v = t.I32Value();
                            switch (sid)
                            {
                                case ParquetThrift.DataPageHeaderV2.NumValues: num = v; break;
                                case ParquetThrift.DataPageHeaderV2.NumNulls: nulls = v; break;
                                case ParquetThrift.DataPageHeaderV2.NumRows: rows = v; break;
                                case ParquetThrift.DataPageHeaderV2.Encoding: enc = v; break;
                                case ParquetThrift.DataPageHeaderV2.DefinitionLevelsByteLength: defLen = v; break;
                                case ParquetThrift.DataPageHeaderV2.RepetitionLevelsByteLength: repLen = v; break;
                            }
                        }
                        else if (sid == ParquetThrift.DataPageHeaderV2.IsCompressed && st is ThriftCompact.True or ThriftCompact.False) compressed = st == ThriftCompact.True;
                        else t.Skip(st);
                    }
                    break;
                }
                case ParquetThrift.PageHeader.DataPageHeader or ParquetThrift.PageHeader.DictionaryPageHeader when ft == ThriftCompact.Struct:
                {
                    // num_values and encoding have the same ids in both structs.
                    sawBody = true;
                    short l = 0;
                    while (t.NextField(ref l, out var sid, out var st))
                    {
                        if (st == ThriftCompact.I32)
                        {
                            int v = t.I32Value();
                            if (sid == ParquetThrift.DataPageHeader.NumValues) num = v;
                            else if (sid == ParquetThrift.DataPageHeader.Encoding) enc = v;
                            else if (id == ParquetThrift.PageHeader.DataPageHeader && sid == ParquetThrift.DataPageHeader.DefinitionLevelEncoding) defEnc = v;
                        }
                        else t.Skip(st);
                    }
                    break;
                }
                default: t.Skip(ft); break;
            }
        }
        length = t.Position;
        if (type is < 0 or > 3) throw new ParquetDataException($"bad page header: page type {type}");
        if (comp < 0 || unc < 0) throw new ParquetDataException($"bad page header: sizes {comp} compressed, {unc} uncompressed");
        if (num < 0 || nulls < 0 || nulls > num) throw new ParquetDataException($"bad page header: {num} values, {nulls} nulls");
        if (defLen < 0 || repLen < 0 || (long)defLen + repLen > comp || (type == (int)PageType.DataPageV2 && (long)defLen + repLen > unc))
            throw new ParquetDataException($"bad page header: levels of {repLen} + {defLen} bytes in a page of {comp}");
        if (type != (int)PageType.IndexPage && !sawBody) throw new ParquetDataException("bad page header: no data or dictionary page header");
        return new PageHeader((PageType)type, unc, comp, num, (ParquetEncoding)enc, (ParquetEncoding)defEnc, nulls, rows, defLen, repLen, compressed);
    }
}
