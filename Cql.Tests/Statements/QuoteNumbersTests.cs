using Cql.Engine.Statements;

namespace Cql.Tests.Statements;

/// <summary>Numbers read as values, however a language groups digits and writes "million".</summary>
public class QuoteNumbersTests
{
    static string[] Values(string text, string lang)
    {
        var found = new List<QuoteNumbers.Number>();
        QuoteNumbers.Read(text, lang, found);
        return [.. found.Select(n => n.Value)];
    }

    [Theory]
    [InlineData("6,200,000 euros went to the agency", "en")]
    [InlineData("6.2 million euros went to the agency", "en")]
    [InlineData("6.200.000 euro gik til agenturet", "da")]
    [InlineData("6 200 000 euro gikk til byrået", "no")]
    [InlineData("6,2 millioner euro gikk til byrået", "no")]
    [InlineData("6,2 Millionen Euro flossen an die Agentur", "de")]
    [InlineData("6,2 milioni di euro", "it")]
    public void One_number_written_many_ways_is_one_value(string text, string lang) =>
        Assert.Equal(["6200000"], Values(text, lang));

    [Theory]
    [InlineData("38,5 millioner euro", "no", "38500000")]
    [InlineData("2,4 prosent innen 2026", "no", "2.4 2026")]
    [InlineData("2.4 percent by 2026", "en", "2.4 2026")]
    [InlineData("2.4 Prozent", "de", "2.4")] // the other convention's mark, where it cannot group
    [InlineData("the 3rd round of the G7 in 1.5.2024", "en", "1.5 2024")]
    public void Values_follow_the_languages_marks(string text, string lang, string expected) =>
        Assert.Equal(expected.Split(' '), Values(text, lang));
}
