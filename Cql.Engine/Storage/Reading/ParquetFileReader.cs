using Microsoft.Win32.SafeHandles;

namespace Cql.Engine.Storage.Reading;

/// <summary>
/// One Parquet file read column chunk by column chunk, every row: for the readers that want a small table whole as
/// values (the entity registry on --append, the C# records) rather than a query's scan. A damaged or unreadable
/// file surfaces as <see cref="CorpusException"/>, which the CLI and the REPL report as a message.
/// </summary>
public sealed class ParquetFileReader : IDisposable
{
    readonly string _path;
    readonly SafeFileHandle _file;
    readonly FileFooter _footer;

    public ParquetFileReader(string path)
    {
        _path = path;
        try { _file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read); }
        catch (Exception e) when (CorpusReadException.IsFileDamage(e)) { throw Damaged(e); }
        try { _footer = new FileFooter(path, FooterParser.Read(_file)); }
        catch (Exception e) when (CorpusReadException.IsFileDamage(e))
        {
            _file.Dispose();
            throw Damaged(e);
        }
    }

    /// <summary>The file's leaf columns in schema order.</summary>
    public IReadOnlyList<ParquetColumn> Columns => _footer.Metadata.Columns;

    public int RowGroupCount => _footer.RowGroups.Count;

    public int RowCount(int rowGroup) => checked((int)_footer.RowGroups[rowGroup].RowCount);

    /// <summary>The column named exactly <paramref name="name"/>.</summary>
    public ParquetColumn Column(string name) =>
        _footer.Columns.TryGetValue(name, out var c) && c.Name == name ? c : throw new CorpusException($"{_path}: no column '{name}'");

    /// <summary>The type <paramref name="column"/>'s values read as, its logical type applied (see
    /// <see cref="ParquetTypeMapping"/>); a nested column or one of a kind cql does not read is refused, the file named.</summary>
    public ColumnType TypeOf(ParquetColumn column)
    {
        try { return ParquetTypeMapping.ColumnTypeOf(column); }
        catch (ParquetDataException e) { throw Damaged(e); }
    }

    /// <summary>Every row of <paramref name="column"/> in one row group, as its logical type says (<see cref="TypeOf"/>).</summary>
    public ColumnVector Read(int rowGroup, ParquetColumn column) => Read(rowGroup, column, TypeOf(column));

    /// <summary>Every row of <paramref name="column"/> in one row group, as <paramref name="type"/>; only the
    /// <paramref name="selection"/>'s rows (ascending) when given, as a scan reads them.</summary>
    public ColumnVector Read(int rowGroup, ParquetColumn column, ColumnType type, int[]? selection = null)
    {
        var rg = _footer.RowGroups[rowGroup];
        try { return DateColumns.Read(_file, _footer, rg, column, RowCount(rowGroup), type, selection); }
        catch (Exception e) when (CorpusReadException.IsFileDamage(e)) { throw Damaged(e); }
    }

    /// <summary>A list-of-INT32 column in one row group (the term index's ids): every value, and each row's count.</summary>
    public int[] ReadInt32Lists(int rowGroup, ParquetColumn column, out int[] lengths)
    {
        var rg = _footer.RowGroups[rowGroup];
        try { return ColumnChunkReader.ReadRepeatedInt32(_file, column, rg.Chunk(column), RowCount(rowGroup), out lengths); }
        catch (Exception e) when (CorpusReadException.IsFileDamage(e)) { throw Damaged(e); }
    }

    CorpusException Damaged(Exception e) => new(new CorpusReadException(_path, e.Message, e).Message, e);

    public void Dispose() => _file.Dispose();
}
