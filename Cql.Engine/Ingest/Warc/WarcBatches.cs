namespace Cql.Engine.Ingest.Warc;

/// <summary>A record that holds a page, as read from the file: its HTTP response (or a resource record's content),
/// or why it is not read (a page larger than <see cref="WarcBatches.MaxPageBytes"/>).</summary>
public sealed record WarcPage(int Index, string? TargetUri, bool IsHttp, string? Charset, byte[]? Block, string? SkipReason);

/// <summary>A run of a WARC file's pages in file order, with the input bytes read for them; a file's last batch
/// carries the tally of all its records.</summary>
public sealed record WarcBatch(List<WarcPage> Pages, long InputBytes, WarcTally? End);

/// <summary>
/// Reads a WARC file's records in order and hands on the pages in batches, counting the others: only a page's block is
/// ever held (one batch of them at a time for the caller), every other record is passed over through the reader's
/// fixed buffer, so a file of any size is read in the memory of a batch.
/// </summary>
public static class WarcBatches
{
    /// <summary>A page larger than this is counted and named, not read.</summary>
    public const int MaxPageBytes = 64 << 20;

    /// <summary>A batch is handed on once its pages hold this much.</summary>
    public const int BatchBytes = 1 << 20;

    /// <param name="inputPosition">Bytes of the input file read so far (of the compressed file, for a .gz).</param>
    public static IEnumerable<WarcBatch> Read(WarcRecordStream records, Func<long> inputPosition, int batchBytes = BatchBytes)
    {
        var tally = new WarcTally();
        var head = new byte[WarcRecordStream.BufferBytes];
        var pages = new List<WarcPage>();
        long held = 0, reported = 0;
        while (records.Next() is { } r)
        {
            var (page, whyNot) = Classify(records, r, head);
            if (records.Truncated is not null) break; // the record is not whole: it is not counted
            if (page is null)
            {
                tally.AddNotPage(whyNot!);
                continue;
            }
            tally.AddPage();
            pages.Add(page);
            held += page.Block?.Length ?? 0;
            if (held >= batchBytes)
            {
                long at = inputPosition();
                yield return new WarcBatch(pages, at - reported, null);
                reported = at;
                pages = [];
                held = 0;
            }
        }
        tally.Truncated = records.Truncated;
        yield return new WarcBatch(pages, inputPosition() - reported, tally);
    }

    /// <summary>The page a record holds, or why it holds none (the count's label). Only a page's block is read whole;
    /// of a response, the start, to see its status and type.</summary>
    static (WarcPage? Page, string? WhyNot) Classify(WarcRecordStream records, WarcRecordHead r, byte[] head)
    {
        switch (r.Type.ToLowerInvariant())
        {
            case "response":
                int n = records.ReadBlock(head.AsSpan(0, (int)Math.Min(r.Length, head.Length)));
                if (HttpHead.Parse(head.AsSpan(0, n)) is not { } http) return (null, "responses that are not HTTP");
                if (http.Status is < 200 or >= 300) return (null, "responses with an HTTP status other than 2xx");
                if (!HttpHead.IsHtml(http.ContentType, head.AsSpan(http.BodyStart, n - http.BodyStart))) return (null, "non-HTML responses");
                return (ReadPage(records, r, head.AsSpan(0, n), isHttp: true, HttpResponse.CharsetOf(http.ContentType)), null);
            case "resource":
                return r.ContentType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true
                    ? (ReadPage(records, r, [], isHttp: false, HttpResponse.CharsetOf(r.ContentType)), null) : (null, "non-HTML resources");
            case "request": return (null, "requests");
            case "metadata": return (null, "metadata");
            case "warcinfo": return (null, "warcinfo");
            case "revisit": return (null, "revisits");
            default: return (null, "other records");
        }
    }

    static WarcPage ReadPage(WarcRecordStream records, WarcRecordHead r, ReadOnlySpan<byte> start, bool isHttp, string? charset)
    {
        if (r.Length > MaxPageBytes)
            return new WarcPage(r.Index, r.TargetUri, isHttp, charset, null,
                $"a page of {r.Length / 1048576.0:0.0} MB, more than {MaxPageBytes >> 20} MB: not read");
        var block = new byte[r.Length];
        start.CopyTo(block);
        records.ReadBlock(block.AsSpan(start.Length));
        return new WarcPage(r.Index, r.TargetUri, isHttp, charset, block, null);
    }
}
