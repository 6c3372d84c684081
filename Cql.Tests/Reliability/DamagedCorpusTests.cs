using Cql.Engine.Storage;
using Cql.Tests.Support;

namespace Cql.Tests.Reliability;

/// <summary>A damaged corpus gives exit 3 with a message that names the file and says what to do — never a stack
/// trace, never wrong rows.</summary>
public class DamagedCorpusTests
{
    /// <summary>A fresh corpus of two small articles, to damage.</summary>
    static string Corpus(TempDir d)
    {
        d.Write("in/a.txt", "Første sak\n\n«Vi er enige», sa Ola Nordmann til NTB.");
        d.Write("in/b.txt", "Andra saken\n\n”Vi är överens”, säger Kari Berg.");
        var r = CqlProcess.Run(null, "ingest", d.File("in"), "--out", d.File("corpus"), "-q");
        Assert.True(r.ExitCode == 0, r.Stderr);
        return d.File("corpus");
    }

    static string QuotesFile(string corpus) => CorpusManifest.Load(corpus).FilesOf(corpus, "quotes")[0];

    static void AssertExit3Naming(string corpus, string named, params string[] query)
    {
        var r = CqlProcess.Run(null, ["--corpus", corpus, .. query]);
        Assert.Equal(3, r.ExitCode);
        Assert.Contains(named, r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.DoesNotContain("internal error", r.Stderr);
    }

    [Fact]
    public void A_truncated_part_file_gives_exit_3_and_its_name()
    {
        using var d = new TempDir();
        var corpus = Corpus(d);
        var file = QuotesFile(corpus);
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
        AssertExit3Naming(corpus, Path.GetFileName(file), "-c", "quotes | count");
        AssertExit3Naming(corpus, Path.GetFileName(file), "-c", "quotes where speaker = \"Ola Nordmann\"");
    }

    [Fact]
    public void A_part_file_overwritten_with_garbage_gives_exit_3_and_its_name()
    {
        using var d = new TempDir();
        var corpus = Corpus(d);
        var file = QuotesFile(corpus);
        var bytes = File.ReadAllBytes(file);
        new Random(7).NextBytes(bytes.AsSpan(4, bytes.Length - 8)); // keep the PAR1 magic at both ends
        File.WriteAllBytes(file, bytes);
        AssertExit3Naming(corpus, Path.GetFileName(file), "-c", "quotes | select text");
    }

    [Fact]
    public void A_damaged_page_gives_exit_3_naming_the_column_row_group_and_page()
    {
        using var d = new TempDir();
        var corpus = Corpus(d);
        var file = QuotesFile(corpus);
        var bytes = File.ReadAllBytes(file);
        long dataPage;
        using (var handle = File.OpenHandle(file))
        {
            var footer = Cql.Engine.Storage.Reading.FooterParser.Read(handle);
            var text = Array.Find(footer.Columns, c => c.Name == "text")!;
            dataPage = footer.RowGroups[0].Columns[text.Index].DataPageOffset;
        }
        // The Snappy block's own length (its first byte) no longer agrees with the page header.
        Cql.Engine.Storage.Reading.PageHeader.Parse(bytes.AsSpan((int)dataPage), out int headerLength);
        bytes[dataPage + headerLength] ^= 0x01;
        File.WriteAllBytes(file, bytes);
        var r = CqlProcess.Run(null, "--corpus", corpus, "-c", "quotes | select text");
        Assert.Equal(3, r.ExitCode);
        Assert.Contains(Path.GetFileName(file), r.Stderr);
        Assert.Contains("column 'text', row group 0, page", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void A_part_file_the_manifest_lists_but_that_is_gone_gives_exit_3_and_its_name()
    {
        using var d = new TempDir();
        var corpus = Corpus(d);
        var file = QuotesFile(corpus);
        File.Delete(file);
        AssertExit3Naming(corpus, Path.GetFileName(file), "-c", "quotes | count");
    }

    [Fact]
    public void A_broken_manifest_gives_exit_3_and_says_so()
    {
        using var d = new TempDir();
        var corpus = Corpus(d);
        File.WriteAllText(CorpusManifest.PathIn(corpus), "{ \"format_version\": 1, \"tables\": ");
        AssertExit3Naming(corpus, "corpus.json", "-c", "docs | count");
        File.WriteAllText(CorpusManifest.PathIn(corpus), "{ \"format_version\": 99 }");
        AssertExit3Naming(corpus, "format version 99", "-c", "docs | count");
    }

    [Fact]
    public void A_damaged_file_in_one_table_does_not_stop_queries_on_the_others()
    {
        using var d = new TempDir();
        var corpus = Corpus(d);
        File.WriteAllBytes(QuotesFile(corpus), [1, 2, 3]);
        var r = CqlProcess.Run(null, "--corpus", corpus, "-c", "docs | count", "--format", "csv");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("count\n2", r.Stdout.ReplaceLineEndings("\n").Trim());
    }
}
