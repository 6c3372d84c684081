namespace Cql.Engine.Quotes;

/// <summary>
/// "…, man habe drei Standorte geprüft; keiner sei geeignet gewesen.": in German a clause after a semicolon that is in
/// the reporting mood goes on with the report, where one in the indicative is the writer's own (as a semicolon ends a
/// reported clause in English: "…; 62 percent of those were …").
/// </summary>
internal static class GermanSemicolon
{
    /// <summary>Whether the report goes on past the semicolon at <paramref name="k"/>, up to <paramref name="to"/>.</summary>
    public static bool ReportGoesOn(ParagraphContext p, int k, int to) =>
        p.IsGerman && IndirectSpeech.ClauseFollows(p, k + 1, to, needSubjunctive: true);
}
