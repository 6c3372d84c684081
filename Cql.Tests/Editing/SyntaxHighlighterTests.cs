using Cql.Repl.Editing;
using System.Text;

namespace Cql.Tests.Editing;

/// <summary>The REPL's colours, character by character: K keyword, T text, N number or date, C comment, O pipe or
/// operator, M meta command, '.' plain.</summary>
public class SyntaxHighlighterTests
{
    static string Classes(string line)
    {
        var rendered = new SyntaxHighlighter().Render(line, 0, line.Length);
        var sb = new StringBuilder();
        char current = '.';
        for (int i = 0; i < rendered.Length; i++)
        {
            if (rendered[i] == '\x1b')
            {
                int m = rendered.IndexOf('m', i);
                current = rendered[(i + 2)..m] switch
                {
                    "1;34" => 'K', "32" => 'T', "33" => 'N', "2" => 'C', "35" => 'O', "36" => 'M', _ => '.',
                };
                i = m;
                continue;
            }
            sb.Append(current);
        }
        return sb.ToString();
    }

    [Theory]
    [InlineData("quotes where speaker = \"Xi\" and lang in (sv, de) | count -- note",
                ".......KKKKK.........O.TTTT.KKK......KK..........O.KKKKK.CCCCCCC")]
    [InlineData("docs | where doc.date >= 2022-06-15 | limit 10; explain quotes",
                ".....O.KKKKK.KKK......OO.NNNNNNNNNN.O.KKKKK.NNO.KKKKKKK.......")]
    [InlineData("quotes where text contains 'it\\'s' | select text",
                ".......KKKKK......KKKKKKKK.TTTTTTT.O.KKKKKK.....")]
    [InlineData("quotes where text contains \"abc",
                ".......KKKKK......KKKKKKKK.TTTT")]
    [InlineData("kwic \"samarbeid*\" width 4 | sample 2.5",
                "KKKK.TTTTTTTTTTTT.KKKKK.N.O.KKKKKK.NNN")]
    [InlineData("quotes where score != 3 and not (lang <> de) | order by count desc",
                ".......KKKKK.......OO.N.KKK.KKK.......OO.....O.KKKKK.KK.KKKKK.KKKK")]
    [InlineData("  :schema quotes",
                "..MMMMMMM.......")]
    [InlineData("> Quotes.Count(q => q.Lang == \"de\")",
                "O..................................")]
    [InlineData("Quotes | WHERE Lang = DE",
                ".......O.KKKKK......O...")]
    public void Each_token_gets_its_colour(string line, string classes) => Assert.Equal(classes, Classes(line));
}
