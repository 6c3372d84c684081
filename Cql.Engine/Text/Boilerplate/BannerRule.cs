using System.Text.RegularExpressions;
using Cql.Engine.Ingest;

namespace Cql.Engine.Text;

/// <summary>
/// Site furniture that is not the article: transparency and AI notices ("Transparenz: Redaktionell erstellt und
/// geprüft."), advertisement markers, article-age warnings, reading time, listen/share/subscribe prompts, cookie
/// notices, comment counters, copyright lines, gallery counters ("Bilde 1 av 5"), and date labels left without
/// their date ("Veröffentlicht am") or with only a relative one ("Updated 3 hours ago").
/// </summary>
static partial class BannerRule
{
    const int MaxChars = 220;

    public static bool IsBanner(string text, TextRange p) =>
        p.Length <= MaxChars && (Marker().IsMatch(text.AsSpan(p.Start, p.Length)) || Banner().IsMatch(text.AsSpan(p.Start, p.Length))
            || DateLine.IsLabelWithoutDate(text, p));

    // Words that are banners only alone on their line: "Anzeige", but not "Anzeige gegen Putin erstattet."
    [GeneratedRegex("""
        ^(?:anzeige|werbung|advertisement|sponsored|sponset|annonse|annons|reklame|publicité|pubblicità|publicidad|advertentie|anúncio|reklama
          |condividi|compartir|partager|teilen|del|dela|share|abonner|subscribe|abonnieren|prenumerera|iscriviti|video|live|premium|pluss|\+)\s*[:.–-]?\s*$
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Marker();

    [GeneratedRegex("""
        ^(?:
           transparenz\s*:
          |(?:artikkelen|saken)\s+fortsetter\s+(?:under|etter)|article\s+continues\s+(?:below|after)|der\s+artikel\s+(?:wird\s+)?(?:unter|nach)|artikeln\s+fortsätter|l['’]articolo\s+continua
          |this\s+(?:article|story)\s+is\s+(?:more\s+than|over)|(?:denne\s+)?(?:artikkelen|saken)\s+er\s+(?:mer\s+enn|over)\s+\S+\s+år|denna\s+artikel\s+är\s+(?:mer\s+än|över)|dieser\s+artikel\s+ist\s+(?:mehr\s+als|über)
          |diese\s+inhalte\s+wurden|(?:this|the)\s+(?:article|content)\s+was\s+(?:generated|created|produced)\s+(?:with|by|using)|(?:denne\s+)?(?:artikkelen|saken)\s+er\s+(?:laget|skrevet)\s+(?:med|ved\s+hjelp\s+av)\s+(?:ki|kunstig)
          |lesetid|lesezeit|läsningstid|lästid|reading\s+time|\d+\s*min(?:utes?|utter|uten)?\s+(?:read|lesetid|lesen|läsning)|temps\s+de\s+lecture|tempo\s+di\s+lettura|tiempo\s+de\s+lectura|leestijd
          |(?:listen\s+to|lytt\s+til|hør|lyssna\s+på|ascolta|écouter)\s+(?:this\s+|the\s+)?(?:artikkelen|saken|article|story|artikeln|l['’]articolo|cet\s+article)|artikel\s+anhören
          |share\s+(?:this\s+)?(?:article|story)|del\s+(?:artikkelen|saken)|dela\s+artikeln|artikel\s+teilen|partager\s+(?:cet\s+)?article
          |subscribe\s+(?:to|now)|abonner\s+(?:på|nå)|jetzt\s+abonnieren|prenumerera\s+(?:på|nu)|iscriviti\s+(?:alla|a|ora)|abonnez-vous|suscríbete|sign\s+up\s+(?:for|to|now)|meld\s+deg\s+på|(?:our|vårt|unser)\s+newsletter|nyhetsbrev(?:et)?\s*:
          |(?:accept(?:er)?|godta|akzeptieren)\s+(?:alle?\s+)?cookies|we\s+use\s+cookies|vi\s+bruker\s+(?:informasjonskapsler|cookies)
          |(?:\d+\s+)?(?:kommentarer|comments|kommentare|commenti|commentaires)\s*(?:\(\d+\)|\d+)?\s*$
          |copyright\s*(?:©|\(c\)|\d{4})|©\s*\d{4}|alle\s+rettigheter|all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|tutti\s+i\s+diritti
          |(?:photo\s+)?gallery\s*$|bildergalerie\s*$|fotogalleri\s*$|(?:bilde|bild|image|photo|foto|immagine|imagen)\s+\d+\s+(?:av|of|von|di|de|sur|van|/)\s+\d+\s*$
        )
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Banner();
}
