using System.Text.RegularExpressions;
using Cql.Engine.Ingest;

namespace Cql.Engine.Text;

/// <summary>
/// Site furniture that is not the article: transparency and AI notices ("Transparenz: Redaktionell erstellt und
/// geprüft."), advertisement markers, article-age warnings, reading time, listen/share/subscribe prompts, cookie
/// notices, comment counters, copyright lines, and date labels left without their date ("Veröffentlicht am").
/// </summary>
static partial class BannerRule
{
    const int MaxChars = 220;

    public static bool IsBanner(string text, TextRange p) =>
        p.Length <= MaxChars && (Banner().IsMatch(text.AsSpan(p.Start, p.Length)) || DateLine.IsLabelWithoutDate(text, p));

    [GeneratedRegex("""
        ^(?:
           transparenz\s*:|anzeige\b|werbung\b|advertisement\b|sponsored\b|annonse\b|annons\b|reklame\b|publicité\b|pubblicità\b|publicidad\b|advertentie\b
          |(?:artikkelen|saken)\s+fortsetter\s+(?:under|etter)|article\s+continues\s+(?:below|after)|der\s+artikel\s+(?:wird\s+)?(?:unter|nach)|artikeln\s+fortsätter|l['’]articolo\s+continua
          |this\s+(?:article|story)\s+is\s+(?:more\s+than|over)|(?:denne\s+)?(?:artikkelen|saken)\s+er\s+(?:mer\s+enn|over)\s+\S+\s+år|denna\s+artikel\s+är\s+(?:mer\s+än|över)|dieser\s+artikel\s+ist\s+(?:mehr\s+als|über)
          |diese\s+inhalte\s+wurden|(?:this|the)\s+(?:article|content)\s+was\s+(?:generated|created|produced)\s+(?:with|by|using)|(?:denne\s+)?(?:artikkelen|saken)\s+er\s+(?:laget|skrevet)\s+(?:med|ved\s+hjelp\s+av)\s+(?:ki|kunstig)
          |lesetid|lesezeit|läsningstid|lästid|reading\s+time|\d+\s*min(?:utes?|utter|uten)?\s+(?:read|lesetid|lesen|läsning)|temps\s+de\s+lecture|tempo\s+di\s+lettura|tiempo\s+de\s+lectura|leestijd
          |(?:listen\s+to|lytt\s+til|hør|lyssna\s+på|ascolta|écouter)\s+(?:this\s+|the\s+)?(?:artikkelen|saken|article|story|artikeln|l['’]articolo|cet\s+article)|artikel\s+anhören
          |share\s+(?:this\s+)?(?:article|story)|del\s+(?:artikkelen|saken)|dela\s+artikeln|artikel\s+teilen|condividi\b|partager\s+(?:cet\s+)?article|compartir\b
          |subscribe\b|abonner\b|abonnieren\b|prenumerera\b|iscriviti\b|abonnez-vous|suscríbete|sign\s+up\b|meld\s+deg\s+på|newsletter\b|nyhetsbrev\b
          |(?:accept(?:er)?|godta|akzeptieren)\s+(?:alle?\s+)?cookies|we\s+use\s+cookies|vi\s+bruker\s+(?:informasjonskapsler|cookies)
          |(?:\d+\s+)?(?:kommentarer|comments|kommentare|commenti|commentaires)\s*(?:\(\d+\)|\d+)?\s*$
          |copyright\b|©\s*\d{4}|alle\s+rettigheter|all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|tutti\s+i\s+diritti
          |(?:photo\s+)?gallery\s*$|bildergalerie\s*$|fotogalleri\s*$
        )
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Banner();
}
