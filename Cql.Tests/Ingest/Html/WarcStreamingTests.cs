using Cql.Engine.Ingest;
using Cql.Engine.Ingest.Warc;
using Cql.Tests.Support;
using System.IO.Compression;
using System.Text;

namespace Cql.Tests.Ingest.Html;

/// <summary>WARC files read record by record: memory bounded by one batch of pages whatever the file's size, every
/// record accounted for, and a file cut short read up to the cut, which the note names.</summary>
public class WarcStreamingTests
{
    static byte[] Record(string type, string uri, string contentType, byte[] block) =>
        [.. Head(type, uri, contentType, block.Length), .. block, .. "\r\n\r\n"u8];

    static byte[] Head(string type, string uri, string contentType, long length) =>
        Encoding.UTF8.GetBytes($"WARC/1.0\r\nWARC-Type: {type}\r\nWARC-Target-URI: {uri}\r\nContent-Type: {contentType}\r\nContent-Length: {length}\r\n\r\n");

    static byte[] Response(int i) => Record("response", $"https://www.citypost.example/{i}", "application/http; msgtype=response", Encoding.UTF8.GetBytes(
        $"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html lang=\"en\"><head><meta property=\"og:site_name\" content=\"City Post\">" +
        $"<title>Story {i}</title></head><body><article><h1>Story {i}</h1><p>{Body(i)}</p></article></body></html>"));

    static string Body(int i) => string.Join(" ", Enumerable.Range(0, 12).Select(k => $"Councillors met on day {i} and agreed on item {k} of the plan for the harbour."));

    static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest)) gz.Write(data);
        return output.ToArray();
    }

    /// <summary>A crawl of <paramref name="pages"/> responses, each after a request record.</summary>
    static List<byte[]> Crawl(int pages)
    {
        var records = new List<byte[]>();
        for (int i = 1; i <= pages; i++)
        {
            records.Add(Record("request", $"https://www.citypost.example/{i}", "application/http; msgtype=request", Encoding.UTF8.GetBytes($"GET /{i} HTTP/1.1\r\n\r\n")));
            records.Add(Response(i));
        }
        return records;
    }

    [Fact]
    public void A_record_larger_than_memory_allows_is_passed_over_through_the_fixed_buffer()
    {
        // 256 MB of video between two pages, produced as it is read: the stream can neither seek nor be read twice.
        const long video = 256L << 20;
        var http = "HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\n\r\n"u8.ToArray();
        var stream = new PieceStream([
            new(Response(1)), new(Head("response", "https://www.citypost.example/v.mp4", "application/http; msgtype=response", video)),
            new(http, video - http.Length), new("\r\n\r\n"u8.ToArray()), new(Response(2)),
        ]);
        var records = new WarcRecordStream(stream);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var batches = WarcBatches.Read(records, () => records.Position).ToList();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 4 << 20, $"{allocated:N0} bytes allocated to read a 256 MB record");
        Assert.Equal([1, 3], batches.SelectMany(b => b.Pages).Select(p => p.Index));
        var tally = Assert.IsType<WarcTally>(batches[^1].End);
        Assert.Equal((3, 2, 1), (tally.Records, tally.Pages, tally.NotPages));
        Assert.Null(tally.Truncated);
    }

    [Fact]
    public void Pages_are_handed_on_in_batches_of_bounded_size_in_file_order()
    {
        var data = Crawl(200).SelectMany(r => r).ToArray();
        var records = new WarcRecordStream(new MemoryStream(data));
        var batches = WarcBatches.Read(records, () => records.Position, batchBytes: 16 << 10).ToList();
        Assert.True(batches.Count > 10, $"{batches.Count} batches");
        int largestPage = batches.SelectMany(b => b.Pages).Max(p => p.Block!.Length);
        Assert.All(batches, b => Assert.True(b.Pages.Sum(p => p.Block!.Length) < (16 << 10) + largestPage));
        Assert.Equal(Enumerable.Range(1, 200).Select(i => 2 * i), batches.SelectMany(b => b.Pages).Select(p => p.Index));
        Assert.All(batches[..^1], b => Assert.Null(b.End));
        Assert.Equal(data.Length, batches.Sum(b => b.InputBytes));
        Assert.Equal(400, batches[^1].End!.Records);
    }

    [Fact]
    public async Task A_warc_of_many_batches_ingests_every_record_in_order()
    {
        using var d = new TempDir();
        d.Write("in/crawl.warc.gz", Crawl(150).SelectMany(Gzip).ToArray());
        var s = await Ingestor.RunAsync(new IngestOptions([d.File("in")], d.File("corpus")), null, CancellationToken.None);
        Assert.Equal((150, 150, 300), (s.DocsAdded, s.RecordsNotPages, s.RecordsRead));
        Assert.Contains(s.Notes!, n => n == "crawl.warc.gz: 300 WARC records: 150 HTML pages (150 with an article), 150 requests");
        Assert.Equal([("crawl.warc.gz", "read", 150)], s.Files.Select(f => (f.Source, f.Status, f.Docs)));
        using var session = Cql.Engine.Session.CqlSession.Open(d.File("corpus"));
        // Doc ids follow the file's order, though the batches were analysed on several workers.
        Assert.Equal(Enumerable.Range(1, 150).Select(i => $"Story {i}"), ScanOnlyCopy.Rows(session, "docs | order by doc_id | select title").Select(r => r.Trim()));

        var again = await Ingestor.RunAsync(new IngestOptions([d.File("in")], d.File("corpus"), Append: true), null, CancellationToken.None);
        Assert.Equal(0, again.DocsAdded);
        Assert.Equal([("crawl.warc.gz", "skipped", "already in the corpus")], again.Files.Select(f => (f.Source, f.Status, f.Reason)));
    }

    [Theory]
    [InlineData("member by member")]
    [InlineData("whole file")]
    public async Task A_warc_gz_cut_mid_record_keeps_every_whole_record_before_the_cut(string gzipped)
    {
        var records = Crawl(60);
        // Cut inside the 41st response (record 82): the member, or the single stream, ends halfway through it.
        const int cutRecord = 81;
        long before = records.Take(cutRecord).Sum(r => (long)r.Length);
        var compressed = gzipped == "whole file"
            ? CutGzip(records.SelectMany(r => r).ToArray(), (int)before + records[cutRecord].Length / 2)
            : [.. records.Take(cutRecord).SelectMany(Gzip), .. CutGzip(records[cutRecord], records[cutRecord].Length / 2)];
        using var d = new TempDir();
        d.Write("in/cut.warc.gz", compressed);
        var s = await Ingestor.RunAsync(new IngestOptions([d.File("in")], d.File("corpus")), null, CancellationToken.None);
        Assert.Equal(40, s.DocsAdded);
        Assert.Equal(81, s.RecordsRead);
        var cut = Assert.Single(s.Notes!, n => n.StartsWith("cut.warc.gz: truncated: ", StringComparison.Ordinal));
        Assert.StartsWith($"cut.warc.gz: truncated: record 82 (at byte {before:N0}) is cut off", cut);
        Assert.Contains(s.Notes!, n => n.StartsWith("cut.warc.gz: 81 WARC records: 40 HTML pages (40 with an article), 41 requests", StringComparison.Ordinal));
    }

    [Fact]
    public void Damaged_gzip_data_ends_the_file_with_a_note_after_the_records_before_it()
    {
        var records = Crawl(10);
        var members = records.Select(Gzip).ToList();
        var damaged = members[7].ToArray();
        for (int i = 12; i < damaged.Length - 8; i++) damaged[i] ^= 0x5A;
        var bytes = members.Take(7).Concat([damaged]).Concat(members.Skip(8)).SelectMany(m => m).ToArray();
        var r = ArticleReader.Read(new InputFile("/x/bad.warc.gz", "bad.warc.gz"), bytes);
        Assert.Equal(["Story 1", "Story 2", "Story 3"], r.Articles.Select(a => a.Title));
        Assert.Contains(r.Notes!, n => n.StartsWith("bad.warc.gz: truncated: ", StringComparison.Ordinal) && n.Contains("cannot be read past byte"));
    }

    [Fact]
    public void A_plain_warc_cut_in_a_record_header_says_so()
    {
        var data = Crawl(3).SelectMany(r => r).ToArray();
        var whole = Crawl(2).Sum(r => r.Length);
        var r = ArticleReader.Read(new InputFile("/x/cut.warc", "cut.warc"), data[..(whole + 30)]);
        Assert.Equal(2, r.Articles.Count);
        Assert.Contains(r.Notes!, n => n == $"cut.warc: truncated: record 5 (at byte {whole:N0}) is cut off in its headers");
    }

    /// <summary>What a gzip writer stopped mid-stream leaves: the first <paramref name="plain"/> bytes, flushed,
    /// with no end of member.</summary>
    static byte[] CutGzip(byte[] data, int plain)
    {
        var output = new MemoryStream();
        var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);
        gz.Write(data, 0, plain);
        gz.Flush();
        return output.ToArray();
    }

    /// <summary>Bytes given, or a run of filler generated as it is read.</summary>
    public sealed record Piece(byte[] Bytes, long Filler = 0)
    {
        public long Length => Bytes.Length + Filler;
    }

    /// <summary>A forward-only stream of pieces that never holds the filler: seeking or asking its length throws.</summary>
    sealed class PieceStream(List<Piece> pieces) : Stream
    {
        int _piece;
        long _at;

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (_piece < pieces.Count && _at == pieces[_piece].Length) { _piece++; _at = 0; }
            if (_piece == pieces.Count) return 0;
            var p = pieces[_piece];
            int n;
            if (_at < p.Bytes.Length)
            {
                n = Math.Min(count, p.Bytes.Length - (int)_at);
                p.Bytes.AsSpan((int)_at, n).CopyTo(buffer.AsSpan(offset));
            }
            else
            {
                n = (int)Math.Min(count, p.Length - _at);
                buffer.AsSpan(offset, n).Fill((byte)'x');
            }
            _at += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
