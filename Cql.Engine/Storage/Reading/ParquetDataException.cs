namespace Cql.Engine.Storage.Reading;

/// <summary>
/// What is wrong in a Parquet file, and where: thrown by every decoder with what it found, and placed in the
/// column, row group and page (or the footer) by whoever knows them on the way out. <see cref="CorpusReadException"/>
/// adds the file; the CLI reports it with exit 3.
/// </summary>
public sealed class ParquetDataException : Exception
{
    public ParquetDataException(string what, bool unsupported = false, Exception? inner = null) : base(what, inner)
    {
        What = what;
        Unsupported = unsupported;
    }

    ParquetDataException(ParquetDataException e, string where, string? column) : base(where + ": " + e.What, e.InnerException)
    {
        What = e.What;
        Unsupported = e.Unsupported;
        Where = where;
        Column = column;
    }

    /// <summary>What the decoder found, without the place.</summary>
    public string What { get; }
    /// <summary>The file is sound but in a form cql does not read (a codec, an encoding).</summary>
    public bool Unsupported { get; }
    /// <summary>"footer", or the column, row group, page and byte; null until placed.</summary>
    public string? Where { get; }
    /// <summary>The column whose chunk is damaged; null for the footer.</summary>
    public string? Column { get; }

    /// <summary>A codec's own error (Snappier, ZstdSharp, GZip) as damage in our words, keeping the original.</summary>
    public static ParquetDataException FromCodec(ParquetCodec codec, Exception e) =>
        new($"damaged {codec} page ({e.Message.TrimEnd('.')})", false, e);

    /// <summary>This error placed in a page of a column chunk (page from 0, the dictionary page counted; -1 when
    /// not in a page); a place already given is kept.</summary>
    public ParquetDataException At(string column, int rowGroup, int page, long offset) =>
        Where is not null ? this
        : new(this, $"column '{column}', row group {rowGroup}" + (page >= 0 ? $", page {page} (byte {offset})" : $" (chunk at byte {offset})"), column);

    /// <summary>This error placed in the footer.</summary>
    public ParquetDataException InFooter() => Where is not null ? this : new(this, "footer", null);
}
