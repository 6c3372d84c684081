namespace QuoteEval;

/// <summary>The double quotation marks that open and close a quotation in each language's newspapers, for
/// <see cref="QuoteMatching.InsideMarks"/>; a mark of neither list (the straight ", the Swedish ”) toggles.</summary>
public static class QuoteMarks
{
    public static (string Opening, string Closing) Of(string lang) => lang switch
    {
        "en" => ("“", "”"),
        "de" => ("„»", "“«"),
        "da" => ("»„", "«“"),
        "nl" => ("“„", "”"),
        "no" or "nn" or "it" or "fr" or "es" => ("«“", "»”"),
        _ => ("", ""),
    };
}
