namespace Cql.Engine.Quotes;

/// <summary>"Das Präsidium wies das zurück. Die Streifen seien verstärkt worden, hieß es.": a German impersonal cue
/// after its report, with no source named, goes on with the report before it in its paragraph, else with the
/// organisation or person the discourse last named — every blind annotator gives such a sentence to them, never to
/// nobody.</summary>
internal static class GermanImpersonalReport
{
    /// <summary>Impersonal cue <paramref name="cue"/> of paragraph <paramref name="p"/> follows its report's comma.</summary>
    public static bool AfterReport(ParagraphContext p, CueHit cue) =>
        cue.Kind == CueKind.Impersonal && p.IsGerman && cue.Start > 0 && p.Tokens[cue.Start - 1].Is(',');
}
