namespace Cql.Engine.Text;

/// <summary>
/// What the first lines of an article say about it: a title and a date when detected (null otherwise), and which
/// paragraphs they came from, so boilerplate detection can flag them and the title's later repeats.
/// </summary>
/// <param name="Date">ISO, with the precision found: 2022, 2022-06 or 2022-06-15.</param>
/// <param name="TitleParagraph">Index of the paragraph that is the title, or -1.</param>
/// <param name="DateParagraph">Index of the paragraph that holds only the date line, or -1 (a date line that
/// opens a body paragraph leaves that paragraph body).</param>
public sealed record DocumentHeader(string? Title, string? Date, int TitleParagraph, int DateParagraph)
{
    public static readonly DocumentHeader None = new(null, null, -1, -1);

    /// <summary>A date line that opens a body paragraph (" date 2022-06 For andre gang …"): metadata, not the
    /// article's text, so the paragraph starts after it. Empty (length 0) when there is none.</summary>
    public TextRange BodyDateLine { get; init; }
}
