namespace Cql.Tests.Ingest.Html;

/// <summary>Small pages in the shapes real sites serve, written for these tests (fictional outlets).</summary>
static class TestPages
{
    /// <summary>A news CMS page in Norwegian: JSON-LD NewsArticle in UTC with local time shown, cookie banner, menu,
    /// standfirst in the header, an ad and a "Les også" box between paragraphs, a captioned figure, an embedded tweet,
    /// a data table, most-read list, comments, footer.</summary>
    public const string NewsCms = """
        <!DOCTYPE html>
        <html lang="nb-NO"><head><meta charset="utf-8">
        <title>Bussen blir gratis for barn i Tromsø | Nordlys Avis</title>
        <meta property="og:site_name" content="Nordlys Avis">
        <meta property="og:title" content="Bussen blir gratis for barn i Tromsø">
        <link rel="canonical" href="https://www.nordlysavis.no/nyheter/bussen-blir-gratis/a/123">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Bussen blir gratis for barn i Tromsø",
          "datePublished":"2024-03-12T13:05:00Z","author":[{"@type":"Person","name":"Kari Nilsen"},{"@type":"Person","name":"Ola Berg"}],
          "publisher":{"@type":"Organization","name":"Nordlys Avis"}}</script>
        <script>window.dataLayer = [{"page":"article"}]; function f(){ return "<p>not text</p>"; }</script>
        <style>.x{color:red}</style>
        </head><body>
        <div class="cookie-banner"><p>Vi bruker informasjonskapsler for å gi deg en bedre opplevelse. Godta alle?</p><button>Godta</button></div>
        <header class="site-header"><a class="logo" href="/">Nordlys Avis</a><nav><ul><li><a href="/nyheter">Nyheter</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
        <main><article>
        <header class="article-header">
          <h1>Bussen blir gratis for barn i Tromsø</h1>
          <p class="article-lead">Fra 1. april slipper alle barn under 16 år å betale for bussen i Tromsø, vedtok bystyret onsdag kveld.</p>
          <div class="byline">Av Kari Nilsen og Ola Berg <time datetime="2024-03-12T14:05:00+01:00">12.03.2024 kl. 14:05</time></div>
        </header>
        <figure><img src="/bilde.jpg" alt=""><figcaption>Bussene i sentrum. Foto: Per Hansen</figcaption></figure>
        <div class="article-body">
          <p>Ordningen koster kommunen rundt 14 millioner kroner i året, ifølge administrasjonen.</p>
          <p>– Dette er en stor dag for familiene i byen, sier ordfører Gunnar Wilhelmsen til avisen.</p>
          <div class="ad ad-slot"><span>Annonse</span><p>Kjøp billige flybilletter nå!</p></div>
          <aside class="related"><h3>Les også</h3><ul><li><a href="/a/1">Bompengene øker igjen</a></li></ul></aside>
          <h2>Kritikk fra opposisjonen</h2>
          <p>Opposisjonen mener pengene heller burde gått til flere avganger i distriktene rundt byen.</p>
          <blockquote class="twitter-tweet"><p lang="no">Gratis buss for barn er vedtatt! Takk til alle som har jobbet for dette.</p>&mdash; Tromsø kommune (@tromsokommune) <a href="https://twitter.com/x">March 12, 2024</a></blockquote>
          <table class="fares"><caption>Billettpriser</caption><tr><th>Billett</th><th>Før</th><th>Etter</th></tr><tr><td>Barn</td><td>25 kr</td><td>0 kr</td></tr></table>
          <p>Vedtaket ble gjort med 27 mot 16 stemmer etter en lang debatt i bystyret.</p>
        </div>
        <div class="share-buttons"><a href="#">Del på Facebook</a><a href="#">Del på X</a></div>
        <section id="comments" class="comments-area"><h3>Kommentarer</h3><ol class="commentlist"><li><p>Endelig! Dette burde vært gjort for lenge siden.</p></li></ol></section>
        </article>
        <aside class="most-read"><h2>Mest lest</h2><ol><li><a href="/b">Storm i nord</a></li></ol></aside>
        </main>
        <footer><p>© Nordlys Avis. Ansvarlig redaktør: Anne Moe.</p></footer>
        </body></html>
        """;

    /// <summary>The body the news page's reader sees, paragraph by paragraph.</summary>
    public static readonly string[] NewsCmsBody =
    [
        "Fra 1. april slipper alle barn under 16 år å betale for bussen i Tromsø, vedtok bystyret onsdag kveld.",
        "Ordningen koster kommunen rundt 14 millioner kroner i året, ifølge administrasjonen.",
        "– Dette er en stor dag for familiene i byen, sier ordfører Gunnar Wilhelmsen til avisen.",
        "Kritikk fra opposisjonen",
        "Opposisjonen mener pengene heller burde gått til flere avganger i distriktene rundt byen.",
        "Gratis buss for barn er vedtatt! Takk til alle som har jobbet for dette.",
        "Vedtaket ble gjort med 27 mot 16 stemmer etter en lang debatt i bystyret.",
    ];

    /// <summary>A WordPress blog post in English: entry-content, sidebar widgets, sharing, author box, comments with a
    /// form; metadata only in meta tags (no JSON-LD, no og:site_name).</summary>
    public const string WordPress = """
        <!DOCTYPE html>
        <html lang="en-GB"><head><meta charset="UTF-8">
        <title>Seed saving for beginners &#8211; Compost Corner</title>
        <meta name="author" content="Jo Pratt">
        <meta property="article:published_time" content="2024-05-02T08:15:00+01:00">
        <link rel="canonical" href="https://compostcorner.example/2024/05/seed-saving/">
        </head><body class="post-template-default single single-post has-sidebar">
        <div id="page"><header id="masthead"><p class="site-title"><a href="/">Compost Corner</a></p></header>
        <div id="primary"><main id="main">
        <article class="post type-post">
        <header class="entry-header"><h1 class="entry-title">Seed saving for beginners</h1>
        <div class="entry-meta">Posted on <time class="entry-date published" datetime="2024-05-02T08:15:00+01:00">May 2, 2024</time> by <span class="author vcard"><a href="/author/jo/">Jo Pratt</a></span></div></header>
        <div class="entry-content">
        <p>Saving your own seed is the cheapest way to a garden that suits your soil.</p>
        <p>Start with tomatoes and beans: they breed true and need no special care.</p>
        <ul><li>Pick the healthiest plants.</li><li>Dry the seed for a week.</li></ul>
        <p>Store the packets somewhere cool and dark, and label them well.</p>
        <div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="#">Twitter</a></li><li><a href="#">Facebook</a></li></ul></div>
        </div>
        <div class="author-info"><h2>About Jo Pratt</h2><p>Jo gardens in Devon and writes about compost.</p></div>
        </article>
        <div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on this post</h2>
        <ol class="comment-list"><li class="comment"><p>Great tips, thank you so much for writing this!</p></li><li class="comment"><p>What about squash seeds?</p></li></ol>
        <div id="respond"><form><textarea></textarea><input type="submit" value="Post Comment"></form></div></div>
        </main></div>
        <aside id="secondary" class="widget-area"><section class="widget"><h2>Recent posts</h2><ul><li><a href="/x">Leaf mould</a></li></ul></section></aside>
        <footer id="colophon"><p>Proudly powered by WordPress</p></footer></div>
        </body></html>
        """;

    public static readonly string[] WordPressBody =
    [
        "Saving your own seed is the cheapest way to a garden that suits your soil.",
        "Start with tomatoes and beans: they breed true and need no special care.",
        "Pick the healthiest plants.",
        "Dry the seed for a week.",
        "Store the packets somewhere cool and dark, and label them well.",
    ];

    /// <summary>A German regional page without JSON-LD: the date only in visible lines, an update first and the
    /// first publication under the body; the title with the site's name.</summary>
    public const string GermanRegional = """
        <html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
        <title>Neue Brücke über die Lahn eröffnet - Lahntal Bote</title>
        </head><body>
        <div id="logo"><img src="/logo.png" alt="Lahntal Bote"></div>
        <div class="content">
        <h1>Neue Brücke über die Lahn eröffnet</h1>
        <div class="meta"><span class="author">Von Petra Schmitt</span> <span class="dateline">Aktualisiert am 6. März 2024, 18:22 Uhr</span></div>
        <p>Nach zwei Jahren Bauzeit ist die neue Fußgängerbrücke in Marburg seit Mittwoch offen.</p>
        <p>„Wir sind sehr froh, dass alles geklappt hat“, sagte der Oberbürgermeister bei der Eröffnung.</p>
        <p>Die Brücke hat rund 4,2 Millionen Euro gekostet und verbindet zwei Stadtteile.</p>
        <div class="source"><small>Erstveröffentlichung: 5. März 2024, 11:47 Uhr</small></div>
        </div>
        <div id="footer">Impressum · Datenschutz</div>
        </body></html>
        """;
}
