namespace Cql.Engine.Execution;

/// <summary>An estimate of the memory a batch's values take: fixed-width values at their width, text at two bytes a
/// character and its slice. Text that shares a buffer (a dictionary's values) is counted once a row, so the estimate
/// errs high, which only makes a sort spill sooner.</summary>
static class BatchBytes
{
    const int SliceBytes = 16; // a ReadOnlyMemory<char>

    public static long Of(ColumnBatch batch)
    {
        int n = batch.RowCount;
        long bytes = 0;
        foreach (var v in batch.Columns)
        {
            bytes += n; // the null mask, when there is one; cheaper to count than to look for
            bytes += v switch
            {
                Int32Vector => 4L * n,
                BoolVector => n,
                StringVector s => TextBytes(s, n),
                _ => 8L * n,
            };
        }
        return bytes;
    }

    static long TextBytes(StringVector s, int n)
    {
        long chars = 0;
        var values = s.Values.AsSpan(0, n);
        foreach (var value in values) chars += value.Length;
        return 2 * chars + (long)SliceBytes * n;
    }
}
