using Cql.Engine.Storage.Tables;
using Cql.Repl.Scripting;
using Cql.Tests.Support;

namespace Cql.Tests.Execution;

/// <summary>A user's own tables — read "PATH" and join "PATH" — over a corpus whose documents name their outlets:
/// an outlet list in CSV joined to the quotes, CSV as users write it (delimiters, BOM, quotes, types), folders of
/// files, Parquet, and what happens when a file changes.</summary>
public sealed class UserTableTests(OutletNewsCorpus corpus) : IClassFixture<OutletNewsCorpus>
{
    const string Outlets = "outlet,country,leaning,founded\nNRK,NO,centre,1933\nSVT,SE,centre,1956\n\"Die Zeit\",DE,\"left, liberal\",1946\n";

    List<string> Rows(string script) => corpus.Rows(script);

    /// <summary>describe "FILE" as column|type lines.</summary>
    List<string> Types(string file) => Rows($"describe \"{file}\"").ConvertAll(r => string.Join('|', r.Split('|')[..2]));

    [Fact]
    public void An_outlet_list_in_csv_joins_the_quotes_by_their_documents_outlet()
    {
        corpus.Write("outlets.csv", Outlets);
        Assert.Equal(["Xi Jinping|NO|centre", "Donald Trump|NO|centre", "Donald Trump|SE|centre", "Donald Trump|SE|centre"],
            Rows("quotes | join \"outlets.csv\" on doc.outlet = outlet | select speaker, outlets.country, outlets.leaning"));
        // The blog is in no list: a left join keeps its quote with nulls.
        Assert.Equal(["NO|2", "SE|2", "∅|1"], Rows("quotes | left join \"outlets.csv\" on doc.outlet = outlet as o | count by o.country"));
        // explain shows the read, with the condition on the file's columns tested inside it.
        var plan = string.Join('\n', Rows("explain quotes | join \"outlets.csv\" on doc.outlet = outlet | where outlets.country = \"NO\" | select text"));
        Assert.Contains("Read csv \"outlets.csv\" columns=[outlet] predicate=country = \"NO\"", plan);
        Assert.Contains("delimiter ','", plan);
        // Either order of the keys, and through a let.
        Assert.Equal(["SE|2"], Rows("let nordic = read \"outlets.csv\" | where country in (NO, SE)\nquotes where speaker = \"Trump\" | join nordic on outlet = doc.outlet | count by nordic.country | where count > 1"));
    }

    [Fact]
    public void Read_gives_the_files_rows_with_types_from_their_values()
    {
        corpus.Write("outlets.csv", Outlets);
        Assert.Equal(["outlet|string|true|", "country|string|true|", "leaning|string|true|", "founded|int64|true|"], Rows("describe \"outlets.csv\""));
        Assert.Equal(["Die Zeit|left, liberal|1946"], Rows("read \"outlets.csv\" | where founded > 1940 and founded < 1950 or country = DE | select outlet, leaning, founded"));
        Assert.Equal(["2"], Rows("read \"outlets.csv\" where founded > 1940 | count"));
    }

    [Fact]
    public void Join_keys_of_different_types_are_refused_with_the_columns_that_would_fit()
    {
        corpus.Write("outlets.csv", Outlets);
        var e = corpus.Error("quotes | join \"outlets.csv\" on doc.outlet = founded");
        Assert.Contains("CQL0340", e.Rendered);
        Assert.Contains("outlet, country, leaning", e.Rendered);
        Assert.False(e.IsRuntime);
        // A file name that cannot qualify columns needs a name of its own.
        corpus.Write("my-outlets.csv", Outlets);
        Assert.Contains("CQL0369", corpus.Error("quotes | join \"my-outlets.csv\" on doc.outlet = outlet").Rendered);
        Assert.Equal(["4"], Rows("quotes | join \"my-outlets.csv\" on doc.outlet = outlet as m | count"));
    }

    [Fact]
    public void Csv_as_people_write_it_semicolons_a_bom_crlf_quotes_and_empty_values()
    {
        corpus.Write("semi.csv", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(
            "name;note;share;ok;day\r\n\"Ann\";\"said \"\"hi\"\";\r\nthen left\";0.5;true;2024-03-01\r\nBob;;1e2;FALSE;\r\n; ;;;\r\n")]);
        Assert.Equal(["name|string", "note|string", "share|float64", "ok|bool", "day|date"],
            Types("semi.csv"));
        Assert.Equal(["Ann|said \"hi\";\r\nthen left|0.5|true|2024-03-01", "Bob|∅|100|false|∅", "∅| |∅|∅|∅"], Rows("read \"semi.csv\""));
        // TAB by extension, whatever the header holds.
        corpus.Write("t.tsv", "a,b\tc\n1,2\t3\n");
        Assert.Equal(["1,2|3"], Rows("read \"t.tsv\""));
        Assert.Equal(["a,b|string", "c|int64"], Types("t.tsv"));
    }

    [Fact]
    public void A_ragged_row_is_named_by_its_line_counting_the_lines_of_quoted_values()
    {
        corpus.Write("ragged.csv", "a,b\n\"two\nlines\",1\n\nx\n");
        var e = corpus.Error("read \"ragged.csv\"");
        Assert.Contains("CQL0364", e.Rendered);
        Assert.Contains("ragged.csv:5: this row has 1 field and the header 2", e.Rendered);
        Assert.True(e.IsRuntime);
    }

    [Fact]
    public void A_folder_of_csv_files_is_one_table_whatever_the_order_of_their_columns()
    {
        corpus.Write("parts/a.csv", "outlet,country\nNRK,NO\n");
        corpus.Write("parts/sub/b.csv", "country,outlet\nSE,SVT\n");
        Assert.Equal(["NRK|NO", "SVT|SE"], Rows("read \"parts\""));
        Assert.Equal(["2"], Rows("quotes | join \"parts/\" on doc.outlet = outlet as p | where p.country = SE | count"));
        corpus.Write("parts2/a.csv", "outlet,country\nNRK,NO\n");
        corpus.Write("parts2/b.csv", "outlet,land\nSVT,SE\n");
        Assert.Contains("CQL0368", corpus.Error("read \"parts2\"").Rendered);
        corpus.Write("mixed/a.csv", "x\n1\n");
        corpus.Write("mixed/b.parquet", "not really");
        Assert.Contains("CQL0361", corpus.Error("read \"mixed\"").Rendered);
    }

    [Fact]
    public void Export_writes_a_read_table_and_parquet_reads_back_the_same_rows_partitioned_or_not()
    {
        corpus.Write("outlets.csv", Outlets);
        var out1 = Path.Combine(corpus.Files, "out/outlets.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(out1)!);
        corpus.Exec($"read \"outlets.csv\" | export \"{out1}\"");
        Assert.Equal(Rows("read \"outlets.csv\""), Rows("read \"out/outlets.parquet\""));
        Assert.Contains("Read parquet \"out/outlets.parquet\"", string.Join('\n', Rows("explain read \"out/outlets.parquet\" | where founded > 1950")));
        // Hive-style folders: country=NO/… gives a column country.
        Directory.CreateDirectory(Path.Combine(corpus.Files, "hive/country=NO"));
        Directory.CreateDirectory(Path.Combine(corpus.Files, "hive/country=SE"));
        corpus.Exec($"read \"outlets.csv\" | where country = NO | select outlet, founded | export \"{Path.Combine(corpus.Files, "hive/country=NO/part.parquet")}\"");
        corpus.Exec($"read \"outlets.csv\" | where country = SE | select outlet, founded | export \"{Path.Combine(corpus.Files, "hive/country=SE/part.parquet")}\"");
        Assert.Equal(["NRK|1933|NO", "SVT|1956|SE"], Rows("read \"hive\""));
        Assert.Equal(["SVT"], Rows("read \"hive\" | where country = SE | select outlet"));
    }

    [Fact]
    public void A_changed_file_is_read_again_and_a_let_over_its_old_columns_fails_clearly()
    {
        corpus.Write("changing.csv", "k,n\na,1\n");
        Assert.Equal(["k|string", "n|int64"], Types("changing.csv"));
        corpus.Exec("let before = read \"changing.csv\"");
        corpus.Write("changing.csv", "k,n,extra\na,one,x\nb,2,y\n");
        Assert.Equal(["k|string", "n|string", "extra|string"], Types("changing.csv"));
        var e = Assert.Throws<UserTableException>(() => Rows("before | where n > 0"));
        Assert.Contains("changing.csv:2: 'one' in column 'n' is not a whole number", e.Message);
    }

    [Fact]
    public void A_damaged_page_of_a_users_parquet_file_is_reported_as_that_file_not_as_the_corpus()
    {
        corpus.Write("outlets.csv", Outlets);
        var path = Path.Combine(corpus.Files, "damaged.parquet");
        corpus.Exec($"read \"outlets.csv\" | export \"{path}\"");
        var bytes = File.ReadAllBytes(path);
        for (int i = 4; i < 24; i++) bytes[i] = 0xFF; // the first page header, the footer intact
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<UserTableException>(() => Rows("read \"damaged.parquet\" | select outlet"));
        Assert.StartsWith($"cannot read {path}: ", e.Message);
        Assert.DoesNotContain("corpus", e.Message);
    }

    [Fact]
    public void CSharp_query_reads_a_file_too()
    {
        corpus.Write("outlets.csv", Outlets);
        var rows = new ScriptGlobals(corpus.Session).Query("read \"outlets.csv\" | where country = NO");
        Assert.Single(rows);
        Assert.Equal(1933L, rows.Get<long>(0, "founded"));
    }
}
