using QuoteEval;

namespace Cql.Tests.QuoteEvaluation;

/// <summary>scripts/quote-eval's reader of our own annotated folders (NAME.txt + gold.tsv), on a folder written by
/// the test: each row found in order in its article with its annotated kind, terms left out of the gold, documents
/// grouped by language, and a row that is not in its article named by file and line.</summary>
public sealed class GoldTsvReaderTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("cql-goldtsv-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Rows_become_gold_attributions_with_their_kind_and_terms_are_left_out()
    {
        const string text = "Mayor Ann Lee said the bridge would open in May. \"It is safe,\" Lee said. She called it \"a gift\" to the city.\n"
            + "The festival \"Summer Lights\" starts today. Lee said the bridge would open in May.";
        File.WriteAllText(Path.Combine(dir, "en-bridge.txt"), text);
        File.WriteAllText(Path.Combine(dir, "gold.tsv"), string.Join('\n',
            "# a comment",
            "en-bridge\tthe bridge would open in May\tAnn Lee\tindirect\ten",
            "en-bridge\tIt is safe,\tAnn Lee\tdirect\ten",
            "en-bridge\tit \"a gift\" to the city\tAnn Lee\tmixed\ten",
            "en-bridge\tSummer Lights\t\tterm\ten",
            "en-bridge\tthe bridge would open in May\tAnn Lee\tindirect\ten"));

        var docs = GoldTsvReader.Read(dir);

        var doc = Assert.Single(Assert.Single(docs, kv => kv.Key == "en").Value);
        Assert.Equal([QuoteKind.Indirect, QuoteKind.Direct, QuoteKind.Mixed, QuoteKind.Indirect], doc.Gold.Select(g => g.Kind!.Value));
        Assert.Equal(text.IndexOf("the bridge", StringComparison.Ordinal), doc.Gold[0].Content[0].Start);
        Assert.Equal(text.LastIndexOf("the bridge", StringComparison.Ordinal), doc.Gold[3].Content[0].Start);
        Assert.All(doc.Gold, g => Assert.Equal("Ann Lee", g.Source));
    }

    [Fact]
    public void A_row_whose_text_is_not_in_its_article_is_named_by_file_and_line()
    {
        File.WriteAllText(Path.Combine(dir, "de-a.txt"), "Er sagte, er sei müde.");
        File.WriteAllText(Path.Combine(dir, "gold.tsv"), "de-a.txt\ter sei müde\t\tindirect\tde\nde-a\ter sei wach\t\tindirect\tde\n");

        var e = Assert.Throws<EvalInputException>(() => GoldTsvReader.Read(dir));

        Assert.Contains("gold.tsv:2", e.Message);
        Assert.Contains("de-a.txt", e.Message);
    }
}
