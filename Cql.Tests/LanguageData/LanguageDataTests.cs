using Cql.Engine.LanguageData;
using Cql.Engine.Text;
using Cql.Tests.Support;
using System.Text.RegularExpressions;

namespace Cql.Tests.LanguageData;

/// <summary>The per-language data files: the folder's README is their inventory, every file loads, and every
/// language the files name has the data a language needs, so adding a language is adding rows.</summary>
public class LanguageDataTests
{
    static readonly string Folder = Path.Combine(RepoPaths.Root, "Cql.Engine", "LanguageData");

    static string[] FilesInFolder() =>
        Directory.GetFiles(Folder, "*.tsv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void Every_data_file_is_listed_in_the_readme_and_every_listed_file_exists()
    {
        var readme = File.ReadAllText(Path.Combine(Folder, "README.md"));
        var listed = Regex.Matches(readme, @"^\| `([\w.-]+\.tsv)` \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value)
            .Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(FilesInFolder(), listed);
    }

    [Fact]
    public void Every_data_file_in_the_folder_is_embedded_and_parses_into_rows()
    {
        Assert.Equal(FilesInFolder(), LanguageFiles.FileNames.Order(StringComparer.Ordinal).ToArray());
        foreach (var file in FilesInFolder())
        {
            var rows = LanguageFiles.Rows(file);
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.NotEmpty(r.Entries));
        }
    }

    [Fact]
    public void The_languages_are_the_codes_the_files_hold()
    {
        Assert.Equal(["da", "de", "en", "es", "fi", "fr", "it", "nl", "no", "pl", "pt", "ru", "sv"], LanguageFiles.Languages);
    }

    // The kinds README.md calls required, per file; a language with cues in lexicon.tsv also needs its function words.
    static readonly (string File, string? Kind)[] Required =
    [
        ("abbreviations.tsv", null),
        ("calendar.tsv", "months"),
        ("calendar.tsv", "weekdays"),
        ("sentence-cues.tsv", "speechverb"),
    ];

    [Fact]
    public void Every_language_has_the_required_kinds()
    {
        foreach (var lang in LanguageFiles.Languages)
        {
            foreach (var (file, kind) in Required)
                Assert.True(LanguageFiles.Rows(file).Any(r => r.Lang == lang && (kind is null || r.Kind == kind)),
                    $"{lang} has no {kind ?? "rows"} in {file}");
            var lexicon = LanguageFiles.Rows("lexicon.tsv");
            if (lexicon.Any(r => r.Lang == lang && r.Kind == "cue"))
                Assert.True(lexicon.Any(r => r.Lang == lang && r.Kind == "function"), $"{lang} has cues but no function words in lexicon.tsv");
        }
    }

    [Fact]
    public void Every_language_lists_twelve_months_and_no_form_names_two()
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in LanguageFiles.Rows("calendar.tsv").Where(r => r.Kind == "months"))
        {
            Assert.Equal(12, row.Entries.Length);
            for (int m = 1; m <= 12; m++)
                foreach (var form in row.Entries[m - 1].Split(' '))
                {
                    Assert.Equal(m, seen.TryGetValue(form, out var had) ? had : m);
                    seen[form] = m;
                    Assert.Equal(m, CalendarWords.Month(form));
                }
        }
    }

    [Fact]
    public void A_language_known_only_from_its_rows_reaches_the_analysers()
    {
        // Polish and Finnish appear in no C# file: their months, weekdays and abbreviations come from the data alone.
        Assert.Equal(3, CalendarWords.Month("marca"));
        Assert.Equal(10, CalendarWords.Month("lokakuuta"));
        Assert.True(CalendarWords.IsWeekday("czwartek", followedByPunctuation: false));
        Assert.Equal(AbbreviationKind.NonFinal, Abbreviations.Lookup(Abbreviations.For("pl"), "al"));
        Assert.Equal(AbbreviationKind.None, Abbreviations.Lookup(Abbreviations.For("de"), "al"));
        Assert.True(SentenceCues.IsSpeechVerb("sanoi"));
    }

    [Fact]
    public void A_line_without_three_fields_is_an_error_not_a_skipped_line()
    {
        var e = Assert.Throws<FormatException>(() => LanguageFiles.Parse(new StringReader("# comment\n\nde\tmonths\n"), "x.tsv"));
        Assert.Contains("x.tsv, line 3", e.Message);
        var rows = LanguageFiles.Parse(new StringReader("# c\nxx\topener\t a | b c |  | d \n"), "x.tsv");
        var row = Assert.Single(rows);
        Assert.Equal(("xx", "opener"), (row.Lang, row.Kind));
        Assert.Equal(["a", "b c", "d"], row.Entries.ToArray());
    }
}
