using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Cql.Bench;

/// <summary>
/// Inputs for the HTML ingest benchmark, made of the .html pages under a folder (each copy made distinct by a comment,
/// so that ingest does not skip it as a file it has read): `html-pages --pages DIR --out DIR --mb N` writes a folder of
/// pages; `warc --pages DIR --out FILE --mb N [--gzip]` a crawl of them as one WARC file — for each page a request,
/// the response and a metadata record, and an image response every tenth page — gzipped record by record, as
/// crawlers write it, with --gzip; `--image-kb K` makes the images K kB each (20 by default).
/// </summary>
public static class PageInputs
{
    public static int Run(string command, string[] args)
    {
        string? pagesDir = null, output = null;
        double mb = 100;
        int imageBytes = 20_000;
        bool gzip = false;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--pages") pagesDir = args[++i];
            else if (args[i] == "--out") output = args[++i];
            else if (args[i] == "--mb") mb = double.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--gzip") gzip = true;
            else if (args[i] == "--image-kb") imageBytes = int.Parse(args[++i], CultureInfo.InvariantCulture) * 1000;
        }
        if (pagesDir is null || output is null || !Directory.Exists(pagesDir))
        {
            Console.Error.WriteLine($"usage: Cql.Bench {command} --pages DIR --out {(command == "warc" ? "FILE" : "DIR")} --mb N{(command == "warc" ? " [--gzip] [--image-kb K]" : "")}");
            return 2;
        }
        var pages = Directory.GetFiles(pagesDir, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        // --mb counts the HTML; with --image-kb the images may make the file much larger (memory against file size).
        long target = (long)(mb * 1e6), html = 0;
        int copies = 0;
        if (command == "warc")
        {
            using var file = File.Create(output);
            for (; html < target; copies++)
            {
                var page = Copy(pages[copies % pages.Count], copies);
                var uri = $"https://news{copies % 97}.example/story/{copies}";
                WriteRecord(file, gzip, "request", uri, "application/http; msgtype=request", Encoding.ASCII.GetBytes($"GET /story/{copies} HTTP/1.1\r\nHost: news.example\r\n\r\n"));
                WriteRecord(file, gzip, "response", uri, "application/http; msgtype=response",
                    [.. "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"u8, .. page]);
                WriteRecord(file, gzip, "metadata", uri, "application/warc-fields", Encoding.ASCII.GetBytes($"outlink: {uri}/next\r\n"));
                if (copies % 10 == 0)
                    WriteRecord(file, gzip, "response", uri + ".jpg", "application/http; msgtype=response",
                        [.. "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n"u8, .. new byte[imageBytes]]);
                html += page.Length;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{copies} pages, {html / 1e6:0.0} MB of HTML, in {output} ({new FileInfo(output).Length / 1e6:0.0} MB)"));
            return 0;
        }
        for (; html < target; copies++)
        {
            var page = Copy(pages[copies % pages.Count], copies);
            var dir = Path.Combine(output, (copies / 1000).ToString("D3", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, copies.ToString("D6", CultureInfo.InvariantCulture) + ".html"), page);
            html += page.Length;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{copies} pages, {html / 1e6:0.0} MB of HTML, under {output}"));
        return 0;
    }

    static byte[] Copy(byte[] page, int n) => [.. page, .. Encoding.ASCII.GetBytes($"\n<!-- copy {n} -->\n")];

    static void WriteRecord(Stream output, bool gzip, string type, string uri, string contentType, byte[] block)
    {
        var head = Encoding.UTF8.GetBytes($"WARC/1.0\r\nWARC-Type: {type}\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:{Guid.NewGuid()}>\r\n" +
            $"Content-Type: {contentType}\r\nContent-Length: {block.Length}\r\n\r\n");
        if (!gzip)
        {
            output.Write(head);
            output.Write(block);
            output.Write("\r\n\r\n"u8);
            return;
        }
        using var member = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);
        member.Write(head);
        member.Write(block);
        member.Write("\r\n\r\n"u8);
    }
}
