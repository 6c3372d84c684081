using Cql.Tests.Support;
using System.Diagnostics;
using System.Text;

namespace Cql.Tests.Reliability;

/// <summary>
/// `cql ingest` on inputs that have broken other tools: nothing crashes or hangs, every input is accounted for
/// in the summary (read, skipped and why, failed and why), and what is read comes out right.
/// </summary>
public class HostileIngestTests
{
    static string Docs(string corpus) => $"read_parquet('{corpus}/docs/**/*.parquet', hive_partitioning=true)";

    [Fact]
    public void Odd_files_are_read_right_or_skipped_with_a_reason_and_all_are_accounted_for()
    {
        using var d = new TempDir();
        var input = d.File("in");
        Directory.CreateDirectory(input);
        void Bytes(string name, byte[] b) { Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(input, name))!); File.WriteAllBytes(Path.Combine(input, name), b); }
        var latin1 = Encoding.Latin1;
        Bytes("empty.txt", []);
        Bytes("blank.txt", Encoding.UTF8.GetBytes("   \n\n\t\n"));
        Bytes("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
        Bytes("latin1.txt", latin1.GetBytes("Kjøpmann i Tromsø\n\nHan sa at været var fint på Sørlandet."));
        Bytes("cp1252.txt", [.. latin1.GetBytes("Euro-sjokk\n\nPrisen steg til 5 "), 0x80, .. latin1.GetBytes(", sa hun: "), 0x93, .. latin1.GetBytes("Det er for dyrt"), 0x94, (byte)'.']);
        Bytes("broken-utf8.txt", [.. Encoding.UTF8.GetBytes("Overskrift\n\nDette er norsk tekst med æøå og "), 0xFF, .. Encoding.UTF8.GetBytes(" en ødelagt byte.")]);
        Bytes("utf16le.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Tittel på UTF-16\n\nTeksten er skrevet i UTF-16 med BOM, og den har æøå.")]);
        Bytes("utf16be.txt", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("Rubrik i UTF-16 BE\n\nTexten är skriven med BOM och har åäö.")]);
        Bytes("crlf.txt", Encoding.UTF8.GetBytes("Title with CRLF\r\n\r\nThe first paragraph ends here.\r\n\r\nThe second one too.\r\n"));
        Bytes("bom.txt", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("Med BOM\n\nUTF-8 med byte order mark foran.")]);
        Bytes("lines.jsonl", Encoding.UTF8.GetBytes("{\"text\": \"Første linje er en artikkel.\", \"lang\": \"no\"}\n{not json\n{\"title\": \"uten tekst\"}\n"));
        Bytes("ragged.csv", Encoding.UTF8.GetBytes("title,text\nA,\"Quoted, with comma\"\nB\nC,\"unterminated\n"));
        Bytes("report.docx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0, 0, 0, 0x21, 0, 0, 0]);
        var deep = string.Join('/', Enumerable.Range(0, 120).Select(i => "d" + i));
        Bytes(deep + "/deep.txt", Encoding.UTF8.GetBytes("Dypt nede\n\nEn artikkel langt nede i mappene."));
        File.CreateSymbolicLink(Path.Combine(input, "dangling.txt"), "/nonexistent/target.txt");
        bool fifo = OperatingSystem.IsLinux() && Process.Start("mkfifo", Path.Combine(input, "pipe.txt")) is { } p && p.WaitForExit(10_000) && p.ExitCode == 0;

        var r = CqlProcess.Run(null, "ingest", input, "--out", d.File("corpus"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        int files = 15 + (fifo ? 1 : 0);
        Assert.Contains($"ingest: {files} files: ", r.Stdout);
        // Every file not read is named, with its reason.
        Assert.Contains("skipped: empty.txt: empty file", r.Stderr);
        Assert.Contains("skipped: blank.txt:", r.Stderr);
        Assert.Contains("skipped: image.png: binary file", r.Stderr);
        Assert.Contains("skipped: report.docx:", r.Stderr);
        Assert.Contains("error: dangling.txt: not readable", r.Stderr);
        if (fifo) Assert.Contains("skipped: pipe.txt: empty file", r.Stderr);
        Assert.Contains("lines.jsonl:2: not valid JSON", r.Stderr);
        Assert.Contains("lines.jsonl:3: no text", r.Stderr);
        // Every record that is not a document is named, and the summary counts the same ones.
        var skippedRecords = r.Stderr.Split('\n').Count(l => l.StartsWith("skipped record: ", StringComparison.Ordinal));
        Assert.Contains($" quotes), {skippedRecords} skipped;", r.Stdout);

        var corpus = d.File("corpus");
        string TextOf(string source) => (string)Duck.Rows($"SELECT text FROM {Docs(corpus)} WHERE source = '{source}'").Single()[0]!;
        Assert.Contains("Kjøpmann i Tromsø", TextOf("latin1.txt"));
        Assert.Contains("5 €, sa hun: “Det er for dyrt”.", TextOf("cp1252.txt"));
        Assert.Contains("æøå og", TextOf("broken-utf8.txt")); // one bad byte does not turn the rest into mojibake
        Assert.Contains("UTF-16 med BOM, og den har æøå.", TextOf("utf16le.txt"));
        Assert.Contains("har åäö.", TextOf("utf16be.txt"));
        Assert.StartsWith("Med BOM", TextOf("bom.txt"));
        Assert.Equal(0L, Convert.ToInt64(Duck.Rows($"SELECT count(*) FROM {Docs(corpus)} WHERE contains(text, chr(13)) OR contains(text, chr(65279))")[0][0]));
        Assert.Contains("En artikkel langt nede", TextOf(deep + "/deep.txt"));
        Assert.Equal("Quoted, with comma", TextOf("ragged.csv#2"));
    }

    [Fact]
    public void A_six_megabyte_line_is_one_document_and_nothing_is_cut()
    {
        using var d = new TempDir();
        var sentence = "Statsministeren sa at samarbeidet med Sverige og Danmark er viktig for alle, og «vi står sammen», sa hun. ";
        var text = "Lang linje " + string.Concat(Enumerable.Repeat(sentence, 6_000_000 / sentence.Length));
        d.Write("in/one-line.txt", text);
        var r = CqlProcess.Run(null, new Dictionary<string, string> { ["CQL_BENCH_STATS"] = "1" }, "ingest", d.File("in"), "--out", d.File("corpus"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        var row = Duck.Rows($"SELECT chars, length(text) FROM {Docs(d.File("corpus"))}").Single();
        Assert.Equal(text.Length, Convert.ToInt32(row[0]));
        Assert.Equal((long)text.Length, Convert.ToInt64(row[1]));
        // A guard against runaway memory, far above what this needs (not a performance target).
        var peak = long.Parse(r.Stderr.Split('\n').Single(l => l.StartsWith("peak_rss_kb=", StringComparison.Ordinal))[12..].Trim());
        Assert.True(peak < 2_000_000, $"peak memory {peak / 1024} MB for a 6 MB file");
    }

    [Fact]
    public void A_hundred_thousand_tiny_files_become_a_hundred_thousand_documents()
    {
        using var d = new TempDir();
        for (int i = 0; i < 100_000; i++)
        {
            if (i % 1000 == 0) Directory.CreateDirectory(d.File($"in/{i / 1000:D3}"));
            File.WriteAllText(d.File($"in/{i / 1000:D3}/{i:D6}.txt"), $"Melding {i}\n\nMøte nummer {i} gikk bra, sa statsministeren.");
        }
        var r = CqlProcess.Run(null, "ingest", d.File("in"), "--out", d.File("corpus"), "-q");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("100000 files: 100000 read, 0 skipped, 0 failed; 100000 records: 100000 docs added", r.Stdout);
        Assert.Equal(100_000L, Convert.ToInt64(Duck.Rows($"SELECT count(DISTINCT source) FROM {Docs(d.File("corpus"))}")[0][0]));
    }
}
