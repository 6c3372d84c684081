using Cql.Engine.Ingest;
using Cql.Engine.Language;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cql.Bench;

/// <summary>
/// `articles --count N --out DIR [--seed S] [--seeds DIR]`: raw articles for the ingest benchmark, made from the seed
/// articles so that every stage (language identification, boilerplate, sentences, quotes) works as on real news:
/// body paragraphs shuffled (a heading stays with the paragraph it introduces), a paragraph sometimes dropped,
/// names, years and numbers varied, and extra quotations written in the article language's own conventions
/// (marks, dash quotes, cue verbs). Nine articles in ten are .txt files; the rest go into .jsonl and .csv files
/// with title, date and source fields. The same count and seed give the same bytes.
/// </summary>
public static class ArticleGenerator
{
    public static int Run(string[] args)
    {
        int count = 10_000, seed = 1;
        string? outDir = null, seedsDir = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--count") count = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--out") outDir = args[++i];
            else if (args[i] == "--seed") seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--seeds") seedsDir = args[++i];
        }
        if (outDir is null || count < 1) { Console.Error.WriteLine("usage: Cql.Bench articles --count N --out DIR [--seed S] [--seeds DIR]"); return 2; }
        var seeds = seedsDir is null
            ? DefaultCorpus.LoadSeeds().ConvertAll(s => Encoding.UTF8.GetString(s.Bytes))
            : Directory.GetFiles(seedsDir, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var (files, bytes) = Generate(seeds, count, outDir, seed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} articles in {files} files, {bytes / 1e6:0.0} MB, under {outDir}"));
        return 0;
    }

    /// <summary>Articles per block of the output: the first <see cref="TxtPerBlock"/> are .txt files, then one
    /// .jsonl and one .csv file share the rest.</summary>
    const int BlockSize = 100, TxtPerBlock = 90, JsonlPerBlock = 5;

    public static (int Files, long Bytes) Generate(IReadOnlyList<string> seedTexts, int count, string outDir, int seed)
    {
        var seeds = seedTexts.Select(Seed.Parse).ToList();
        var rng = new Random(seed);
        int files = 0;
        long bytes = 0;
        void Write(string path, string content)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var b = Encoding.UTF8.GetBytes(content);
            File.WriteAllBytes(path, b);
            files++;
            bytes += b.Length;
        }
        for (int blockStart = 0; blockStart < count; blockStart += BlockSize)
        {
            var dir = Path.Combine(outDir, (blockStart / BlockSize).ToString("D3", CultureInfo.InvariantCulture));
            var jsonl = new StringBuilder();
            var csv = new StringBuilder("title,date,source,url,text\n");
            int inJsonl = 0, inCsv = 0;
            for (int k = 0; k < BlockSize && blockStart + k < count; k++)
            {
                int n = blockStart + k;
                var a = Make(seeds[rng.Next(seeds.Count)], rng);
                if (k < TxtPerBlock) { Write(Path.Combine(dir, $"a{n:D6}.txt"), a.AsText()); continue; }
                string url = $"https://news.example/{a.Lang}/{n:D6}";
                if (k < TxtPerBlock + JsonlPerBlock)
                {
                    jsonl.Append(JsonSerializer.Serialize(new { title = a.Title, date = a.Date, source = a.Outlet, url, text = a.Body }, Json)).Append('\n');
                    inJsonl++;
                }
                else
                {
                    csv.Append(Csv(a.Title)).Append(',').Append(a.Date).Append(',').Append(Csv(a.Outlet)).Append(',').Append(url).Append(',').Append(Csv(a.Body)).Append('\n');
                    inCsv++;
                }
            }
            if (inJsonl > 0) Write(Path.Combine(dir, $"batch{blockStart:D6}.jsonl"), jsonl.ToString());
            if (inCsv > 0) Write(Path.Combine(dir, $"batch{blockStart:D6}.csv"), csv.ToString());
        }
        return (files, bytes);
    }

    // News exports write their letters as UTF-8, not as \u escapes.
    static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    static string Csv(string s) => "\"" + s.Replace("\"", "\"\"") + "\"";

    /// <summary>One generated article: the .txt form is the title and date lines over the body.</summary>
    sealed record Article(string Lang, string Title, string Date, string Outlet, string Body, string Separator)
    {
        public string AsText() => Title + Separator + Date + Separator + Body + "\n";
    }

    /// <summary>A seed article cut into its lead and the groups of body paragraphs that may be shuffled.</summary>
    sealed record Seed(string Lang, string Lead, List<string[]> Groups, List<string> Sentences, string Separator)
    {
        public static Seed Parse(string text)
        {
            text = text.Replace("\r\n", "\n").Trim();
            // Most seeds part paragraphs with a blank line; one writes a paragraph a line.
            var sep = text.Contains("\n\n", StringComparison.Ordinal) ? "\n\n" : "\n";
            var paras = text.Split(sep).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
            var groups = new List<string[]>();
            for (int i = 1; i < paras.Count; i++)
            {
                // A heading (short, no closing punctuation) travels with the paragraph after it.
                if (IsHeading(paras[i]) && i + 1 < paras.Count) { groups.Add([paras[i], paras[i + 1]]); i++; }
                else groups.Add([paras[i]]);
            }
            var lang = LanguageIdentifier.Identify(text).Code;
            return new Seed(lang, paras[0], groups, NarrationSentences(paras), sep);
        }

        static bool IsHeading(string p) => p.Length < 60 && !".!?»”\"“".Contains(p[^1]);

        // Sentences without quotation marks or dashes, long enough to be quoted again by someone else.
        static List<string> NarrationSentences(List<string> paras)
        {
            var list = new List<string>();
            foreach (var p in paras)
                foreach (var s in Regex.Split(p, @"(?<=[.!?])\s+(?=\p{Lu})"))
                    if (s.Length is > 50 and < 220 && s.EndsWith('.') && s.IndexOfAny(['«', '»', '"', '“', '”', '„', '–', ':', '(']) < 0)
                        list.Add(s[..^1]);
            return list;
        }
    }

    static Article Make(Seed seed, Random rng)
    {
        var groups = new List<string[]>(seed.Groups);
        Shuffle(groups, rng);
        // Dropping a group now and then varies the length (articles stay 3–4 KB).
        int drop = 1 + rng.Next(3);
        for (int d = 0; d < drop && groups.Count > 4; d++) groups.RemoveAt(rng.Next(groups.Count));
        var paras = new List<string> { seed.Lead };
        foreach (var g in groups) paras.AddRange(g);
        int extra = 1 + rng.Next(3);
        for (int q = 0; q < extra && seed.Sentences.Count > 0; q++)
            paras.Insert(1 + rng.Next(paras.Count), ExtraQuote(seed.Lang, seed.Sentences[rng.Next(seed.Sentences.Count)], rng));
        var v = new Variation(rng);
        var body = v.Apply(string.Join(seed.Separator, paras));
        var title = v.Apply(Pick(Titles(seed.Lang), rng));
        var date = new DateTime(2010, 1, 1).AddDays(rng.Next(16 * 365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Article(seed.Lang, title, date, Pick(Outlets, rng), body, seed.Separator);
    }

    static void Shuffle<T>(List<T> list, Random rng)
    {
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    static T Pick<T>(IReadOnlyList<T> items, Random rng) => items[rng.Next(items.Count)];

    static readonly string[] Outlets = ["NRK", "Aftenposten", "SVT Nyheter", "Dagens Nyheter", "Tagesschau", "Der Spiegel", "la Repubblica", "Corriere della Sera", "Reuters", "AP"];

    /// <summary>A quotation of <paramref name="sentence"/> by someone, in the marks, word order and cue verbs of
    /// the language: «…», sa X; – …, sier X; „…“, sagte X; X sagte: „…“; “…”, ha detto X; ”…”, sade X.</summary>
    static string ExtraQuote(string lang, string sentence, Random rng)
    {
        var (name, pronounCue) = Pick(Speakers(lang), rng);
        return (lang, rng.Next(4)) switch
        {
            ("no" or "nb" or "nn", 0) => $"– {sentence}, sier {name}.",
            ("no" or "nb" or "nn", 1) => $"«{sentence}», sa {name} til {Pick(Outlets, rng)}.",
            ("no" or "nb" or "nn", 2) => $"{name} understreket at samarbeidet må fortsette. «{sentence}», sa hun.".Replace(" hun", pronounCue == "m" ? " han" : " hun"),
            ("no" or "nb" or "nn", _) => $"Ifølge {name} er situasjonen alvorlig: «{sentence}».",
            ("sv", 0) => $"– {sentence}, säger {name}.",
            ("sv", 1) => $"”{sentence}”, sade {name} till {Pick(Outlets, rng)}.",
            ("sv", 2) => $"{name} betonade att läget är allvarligt. ”{sentence}”, sade {(pronounCue == "m" ? "han" : "hon")}.",
            ("sv", _) => $"Enligt {name} är läget allvarligt: ”{sentence}”.",
            ("da", 0) => $"– {sentence}, siger {name}.",
            ("da", _) => $"»{sentence}«, sagde {name}.",
            ("de", 0) => $"„{sentence}“, sagte {name}.",
            ("de", 1) => $"{name} sagte der Zeitung: „{sentence}.“",
            ("de", 2) => $"„{sentence}“, so {name}.",
            ("de", _) => $"{name} betonte am Mittwoch, „{sentence}“.",
            ("it", 0) => $"“{sentence}”, ha detto {name}.",
            ("it", 1) => $"«{sentence}», ha affermato {name} in un’intervista.",
            ("it", 2) => $"{name} ha dichiarato: “{sentence}”.",
            ("it", _) => $"Secondo {name}, “{sentence}”.",
            ("fr", _) => $"« {sentence} », a déclaré {name}.",
            ("es", _) => $"«{sentence}», dijo {name}.",
            ("nl", _) => $"‘{sentence}’, zei {name}.",
            (_, _) => $"“{sentence},” said {name}.",
        };
    }

    static (string Name, string Gender)[] Speakers(string lang) => lang switch
    {
        "no" or "nb" or "nn" => [("Jonas Gahr Støre", "m"), ("utenriksminister Espen Barth Eide", "m"), ("Erna Solberg", "f"), ("forsker Ingrid Nygaard", "f"), ("Kreml-talsmann Dmitrij Peskov", "m")],
        "sv" => [("Ulf Kristersson", "m"), ("utrikesminister Maria Malmer Stenergard", "f"), ("Magdalena Andersson", "f"), ("forskaren Johan Lindqvist", "m"), ("Dmitrij Peskov", "m")],
        "da" => [("Mette Frederiksen", "f"), ("Lars Løkke Rasmussen", "m")],
        "de" => [("Olaf Scholz", "m"), ("Außenministerin Annalena Baerbock", "f"), ("Friedrich Merz", "m"), ("die Politologin Sabine Keller", "f"), ("Kremlsprecher Dmitri Peskow", "m")],
        "it" => [("Giorgia Meloni", "f"), ("il ministro Antonio Tajani", "m"), ("Sergio Mattarella", "m"), ("l’analista Chiara Rossi", "f"), ("il portavoce Dmitrij Peskov", "m")],
        _ => [("Antony Blinken", "m"), ("Wang Yi", "m"), ("Ursula von der Leyen", "f")],
    };

    static string[] Titles(string lang) => lang switch
    {
        "no" or "nb" or "nn" => ["Xi og Putin snakket sammen på telefon", "Kina lover Russland støtte", "Putin og Xi vil styrke samarbeidet", "Nye samtaler mellom Beijing og Moskva"],
        "sv" => ["Xi stärker stödet för Putin", "Kina och Ryssland fördjupar samarbetet", "Nytt telefonsamtal mellan Xi och Putin"],
        "de" => ["Xi sichert Putin Unterstützung zu", "China und Russland vertiefen Zusammenarbeit", "Telefonat zwischen Xi und Putin"],
        "it" => ["Xi promette sostegno a Putin", "Cina e Russia rafforzano la cooperazione", "Telefonata tra Xi e Putin"],
        _ => ["Xi and Putin speak by phone", "China pledges support for Russia"],
    };

    /// <summary>One article's variation of names, years and small numbers, applied alike to its title and body.</summary>
    sealed class Variation(Random rng)
    {
        readonly bool _fullXi = rng.Next(2) == 0, _fullPutin = rng.Next(3) == 0;
        readonly int _yearShift = rng.Next(-6, 4), _numberShift = rng.Next(-3, 4);

        static readonly Regex Xi = new(@"\bXi\b(?! Jinping)", RegexOptions.CultureInvariant);
        static readonly Regex Putin = new(@"(?<!Vladimir |Wladimir )\bPutin\b", RegexOptions.CultureInvariant);
        static readonly Regex Year = new(@"\b(19[5-9]\d|20[0-2]\d)\b", RegexOptions.CultureInvariant);
        static readonly Regex Small = new(@"(?<![\d.,-])\b([1-9]\d)\b(?![\d.,])", RegexOptions.CultureInvariant);

        public string Apply(string text)
        {
            // The full name once in a while: "Xi" → "Xi Jinping", "Putin" → "Vladimir Putin" (only where it stands alone).
            if (_fullXi) text = Xi.Replace(text, "Xi Jinping");
            if (_fullPutin) text = Putin.Replace(text, "Vladimir Putin");
            text = Year.Replace(text, m => (int.Parse(m.Value, CultureInfo.InvariantCulture) + _yearShift).ToString(CultureInfo.InvariantCulture));
            return Small.Replace(text, m => Math.Max(10, int.Parse(m.Value, CultureInfo.InvariantCulture) + _numberShift).ToString(CultureInfo.InvariantCulture));
        }
    }
}
