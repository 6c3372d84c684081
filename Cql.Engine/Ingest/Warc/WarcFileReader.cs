using Cql.Engine.Ingest.Html;

namespace Cql.Engine.Ingest.Warc;

/// <summary>What a WARC file yielded: the pages' articles, the records that were pages without an article (with
/// where and why), the records that are no pages (requests, metadata, non-HTML responses: counted), and a note that
/// accounts for every record.</summary>
public sealed record WarcReadResult(List<RawArticle> Articles, List<string> SkippedRecords, List<string> Notes, int NotPages);

/// <summary>
/// Turns a WARC file's pages into articles: each response (or resource) record holding HTML becomes one, with the
/// record's target URI as the page's URL when the page names no canonical one (and so its outlet, when it names no
/// site). Ingest extracts the batches of a file on its workers (<see cref="Extract"/>); <see cref="Read"/> does it
/// all in order, for a WARC file read as one.
/// </summary>
public static class WarcFileReader
{
    /// <summary>Reads a whole (decompressed) WARC stream in order.</summary>
    public static WarcReadResult Read(string source, Stream data)
    {
        var result = new WarcReadResult([], [], [], 0);
        var records = new WarcRecordStream(data);
        WarcTally? tally = null;
        foreach (var batch in WarcBatches.Read(records, () => records.Position))
        {
            Extract(batch, source, result.Articles, result.SkippedRecords, result.Notes);
            tally = batch.End; // the last batch's
        }
        result.Notes.AddRange(tally!.Notes(source, result.Articles.Count));
        return result with { NotPages = tally.NotPages };
    }

    /// <summary>Extracts a batch's pages: each an article, or a skipped record with where and why.</summary>
    public static void Extract(WarcBatch batch, string source, List<RawArticle> articles, List<string> skipped, List<string> notes)
    {
        foreach (var p in batch.Pages)
        {
            var where = $"{source}#{p.Index}";
            if (p.Block is not { } block)
            {
                skipped.Add($"{where} ({p.TargetUri}): {p.SkipReason}");
                continue;
            }
            // A record classified as a page parsed as HTTP already.
            var html = p.IsHttp ? HttpResponse.Parse(block)!.Body : block;
            var page = HtmlPageReader.FromBytes(html, where, p.TargetUri, p.Charset);
            foreach (var n in page.Notes) notes.Add($"{where} ({p.TargetUri}): {n}");
            if (page.Article is { } a) articles.Add(a);
            else skipped.Add($"{where} ({p.TargetUri}): {page.SkipReason}");
        }
    }
}
