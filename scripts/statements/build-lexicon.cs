// Builds Cql.Engine/Statements/Data/lexicon.tsv.gz, the bilingual word lists that let statement grouping match a
// quote with its translation, from Debian's FreeDict dictionaries and Apertium's bilingual dictionaries (English as
// the pivot). Deterministic: the same dictionaries give the same bytes.
//   apt-get install dict-freedict-{deu,ita,swe,dan,fra,spa,nld}-eng dict-freedict-eng-{nor,deu,ita,swe,dan,fra,spa,nld} \
//     dict-freedict-{ita,spa,nld,swe}-deu dict-freedict-deu-{ita,nld,swe} dict-freedict-nno-nob wordnet-base \
//     lttoolbox-dev apertium-eng-spa apertium-spa-ita apertium-fr-es
//   dotnet run scripts/statements/build-lexicon.cs -- /usr/share/dictd [OUT] [/usr/share/wordnet] [/usr/share/apertium]
// Each output line is `lang<TAB>word<TAB>english english …`: a one-word headword (lowercased) and the one-word English
// translations of it (at most MaxPivots, in the dictionary's order); X→English dictionaries are read forwards and
// English→X ones backwards (Norwegian has only the latter). The English lists of Italian, Spanish and Dutch are thin
// (3,000–20,000 words) where German's is large, so their dictionaries with German bridge to English through it, as
// Nynorsk's with Bokmål does: a word's own English comes first, then the English of its bridge translations.
// Swedish bridges through German too (5,292 words of its own; FreeDict has Swedish–German both ways, and no
// Danish or Norwegian with German), and Danish and Norwegian words its list lacks are looked up in it at run time.
// English itself gets its irregular forms ("done" → "do", "children" → "child") from WordNet's exception lists, as
// the translations are citation forms.
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;

const int MaxPivots = 6;
var scriptDir = Path.GetDirectoryName(Here())!;
var repo = Path.GetFullPath(Path.Combine(scriptDir, "..", ".."));
var dictDir = args.Length > 0 ? args[0] : "/usr/share/dictd";
var outPath = args.Length > 1 ? args[1] : Path.Combine(repo, "Cql.Engine", "Statements", "Data", "lexicon.tsv.gz");
var wordnetDir = args.Length > 2 ? args[2] : "/usr/share/wordnet";
var apertiumDir = args.Length > 3 ? args[3] : "/usr/share/apertium";

// Our language code → FreeDict's ISO 639-3 code.
(string Code, string Iso3)[] langs = [("de", "deu"), ("it", "ita"), ("sv", "swe"), ("da", "dan"), ("fr", "fra"), ("es", "spa"), ("nl", "nld"), ("no", "nor")];
var table = new SortedDictionary<string, SortedDictionary<string, List<string>>>(StringComparer.Ordinal);
foreach (var (code, iso) in langs)
{
    var words = table[code] = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
    string forward = Path.Combine(dictDir, $"freedict-{iso}-eng"), backward = Path.Combine(dictDir, $"freedict-eng-{iso}");
    int n = 0;
    if (File.Exists(forward + ".index"))
        foreach (var (head, translations) in Entries(forward))
            foreach (var t in translations) { Add(words, head, t); n++; }
    if (File.Exists(backward + ".index"))
        foreach (var (head, translations) in Entries(backward))
            foreach (var t in translations) { Add(words, t, head); n++; }
    Console.WriteLine($"{code}: {words.Count} words from {n} pairs");
}

// Language → the language whose English it borrows, with their FreeDict codes.
(string Code, string Iso3, string Bridge, string BridgeIso3)[] bridges =
    [("it", "ita", "de", "deu"), ("es", "spa", "de", "deu"), ("nl", "nld", "de", "deu"), ("sv", "swe", "de", "deu"), ("nn", "nno", "no", "nob")];
foreach (var (code, iso, bridge, bridgeIso) in bridges)
{
    if (!table.TryGetValue(code, out var words)) table[code] = words = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
    var english = table[bridge];
    int before = words.Count, n = 0;
    string forward = Path.Combine(dictDir, $"freedict-{iso}-{bridgeIso}"), backward = Path.Combine(dictDir, $"freedict-{bridgeIso}-{iso}");
    void Bridge(string word, string via)
    {
        if (!english.TryGetValue(via.ToLowerInvariant(), out var pivots)) return;
        foreach (var e in pivots) { Add(words, word, e); n++; }
    }
    if (File.Exists(forward + ".index"))
        foreach (var (head, translations) in Entries(forward))
            foreach (var t in translations) Bridge(head, t);
    if (File.Exists(backward + ".index"))
        foreach (var (head, translations) in Entries(backward))
            foreach (var t in translations) Bridge(t, head);
    Console.WriteLine($"{code}: {words.Count} words ({words.Count - before} new) after {n} pairs through {bridge}");
}

// Apertium's bilingual dictionaries (lemma to lemma, read from the compiled transducers with lt-print): Spanish to
// English, and Italian and French to English through Spanish; their words come after FreeDict's.
var spanishEnglish = Pairs(Path.Combine(apertiumDir, "apertium-eng-spa", "spa-eng.autobil.bin"));
(string Code, string Dictionary)[] throughSpanish = [("es", ""), ("it", "apertium-spa-ita/ita-spa.autobil.bin"), ("fr", "apertium-fr-es/fr-es.autobil.bin")];
foreach (var (code, dictionary) in throughSpanish)
{
    var words = table[code];
    int before = words.Count, n = 0;
    var pairs = dictionary == "" ? spanishEnglish.Select(p => (p.From, p.From)).Distinct().ToList() : Pairs(Path.Combine(apertiumDir, dictionary));
    foreach (var (word, spanish) in pairs)
        foreach (var (from, english) in Translations(spanishEnglish, spanish)) { Add(words, word, english); n++; }
    Console.WriteLine($"{code}: {words.Count} words ({words.Count - before} new) after {n} Apertium pairs");
}

// WordNet's NAME.exc: `form lemma [lemma …]` per line, underscores for spaces.
var irregular = table["en"] = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
foreach (var pos in (string[])["verb", "noun", "adj"])
{
    var exc = Path.Combine(wordnetDir, pos + ".exc");
    if (!File.Exists(exc)) throw new FileNotFoundException($"no WordNet exception list {exc} (apt-get install wordnet-base)");
    foreach (var line in File.ReadLines(exc))
        if (line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var form, .. var lemmas])
            foreach (var lemma in lemmas) Add(irregular, form, lemma);
}
Console.WriteLine($"en: {irregular.Count} irregular forms");

using (var file = File.Create(outPath + ".tmp"))
using (var gz = new GZipStream(file, CompressionLevel.SmallestSize))
using (var w = new StreamWriter(gz, new UTF8Encoding(false)) { NewLine = "\n" })
{
    w.WriteLine("# lang\tword\tenglish translations (FreeDict via Debian's dict-freedict-* packages, Apertium's apertium-* packages; see NOTICE.md)");
    foreach (var (code, words) in table)
        foreach (var (word, pivots) in words)
            w.WriteLine($"{code}\t{word}\t{string.Join(' ', pivots)}");
}
File.Move(outPath + ".tmp", outPath, overwrite: true);
Console.WriteLine($"wrote {outPath} ({new FileInfo(outPath).Length} bytes)");

static void Add(SortedDictionary<string, List<string>> words, string word, string english)
{
    if (!OneWord(word) || !OneWord(english)) return;
    word = word.ToLowerInvariant();
    english = english.ToLowerInvariant();
    if (!words.TryGetValue(word, out var list)) words[word] = list = [];
    if (list.Count < MaxPivots && !list.Contains(english)) list.Add(english);
}

static bool OneWord(string s)
{
    if (s.Length < 2 || s.Length > 30) return false;
    foreach (var c in s) if (!char.IsLetter(c) && c != '-') return false;
    return true;
}

// A dictd database: NAME.index lines `headword<TAB>offset<TAB>length` (base64 numbers) into the gzip-compressed
// NAME.dict.dz; each entry's first line is the headword with its pronunciation and part of speech, the lines after
// it translations ("1. a, b" or "a; b"), with notes, synonyms and cross-references indented.
static IEnumerable<(string Head, List<string> Translations)> Entries(string name)
{
    byte[] data;
    using (var gz = new GZipStream(File.OpenRead(name + ".dict.dz"), CompressionMode.Decompress))
    using (var ms = new MemoryStream()) { gz.CopyTo(ms); data = ms.ToArray(); }
    foreach (var line in File.ReadLines(name + ".index"))
    {
        var f = line.Split('\t');
        if (f.Length < 3 || f[0].StartsWith("00-database", StringComparison.Ordinal) || f[0].StartsWith("00database", StringComparison.Ordinal)) continue;
        long offset = B64(f[1]), length = B64(f[2]);
        if (offset + length > data.Length) continue;
        var entry = Encoding.UTF8.GetString(data, (int)offset, (int)length).Split('\n');
        var translations = new List<string>();
        for (int i = 1; i < entry.Length; i++)
        {
            var l = entry[i];
            if (l.Length == 0 || char.IsWhiteSpace(l[0])) continue; // notes, synonyms, "see:"
            l = StripBracketed(l);
            int dot = l.IndexOf(". ", StringComparison.Ordinal);
            if (dot > 0 && dot <= 3 && char.IsDigit(l[0])) l = l[(dot + 2)..];
            foreach (var part in l.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                translations.Add(part.StartsWith("to ", StringComparison.Ordinal) ? part[3..] : part);
        }
        yield return (f[0].Trim(), translations);
    }
}

// The entries of a sorted pair list whose first word is `from`.
static IEnumerable<(string From, string To)> Translations(List<(string From, string To)> sorted, string from)
{
    int i = sorted.BinarySearch((from, ""), Comparer<(string From, string To)>.Create((a, b) => string.CompareOrdinal(a.From, b.From)));
    if (i < 0) yield break;
    while (i > 0 && sorted[i - 1].From == from) i--;
    for (; i < sorted.Count && sorted[i].From == from; i++) yield return sorted[i];
}

// The one-word lemma pairs of a compiled Apertium bilingual dictionary, sorted: `lt-print` writes its transducers in
// AT&T form (`from<TAB>to<TAB>in<TAB>out[<TAB>weight]`, a final state alone on its line, `--` between sections);
// each path from state 0 spells a source lemma and its translation, each followed by tags ("<n>"). A path is cut
// where either side has a character that is not a letter (numbers, punctuation, multi-word entries) and ends when
// both sides have reached their tags.
static List<(string From, string To)> Pairs(string bin)
{
    if (!File.Exists(bin)) throw new FileNotFoundException($"no Apertium dictionary {bin} (apt-get install lttoolbox-dev apertium-eng-spa apertium-spa-ita apertium-fr-es)");
    var print = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("lt-print", [bin]) { RedirectStandardOutput = true })!;
    var sections = new List<Dictionary<int, List<(int To, string In, string Out)>>> { new() };
    string? line;
    while ((line = print.StandardOutput.ReadLine()) is not null)
    {
        if (line == "--") { sections.Add([]); continue; }
        var f = line.Split('\t');
        if (f.Length < 4) continue;
        int from = int.Parse(f[0]);
        if (!sections[^1].TryGetValue(from, out var arcs)) sections[^1][from] = arcs = [];
        arcs.Add((int.Parse(f[1]), f[2], f[3]));
    }
    print.WaitForExit();
    if (print.ExitCode != 0) throw new IOException($"lt-print {bin} exited with {print.ExitCode}");
    var pairs = new SortedSet<(string, string)>(Comparer<(string A, string B)>.Create((x, y) =>
        string.CompareOrdinal(x.A, y.A) is var c and not 0 ? c : string.CompareOrdinal(x.B, y.B)));
    foreach (var graph in sections)
    {
        // A path's states back to state 0 (a linked list shared by the paths that branch from it): a path that comes
        // back to a state it passed is a pattern (numbers, any word), not a lemma, and is cut.
        var stack = new Stack<(int State, string In, string Out, bool InDone, bool OutDone, Visited? Path)>();
        stack.Push((0, "", "", false, false, null));
        while (stack.Count > 0)
        {
            var (state, i, o, inDone, outDone, path) = stack.Pop();
            if (inDone && outDone)
            {
                if (i.Length > 0 && o.Length > 0) pairs.Add((i, o));
                continue;
            }
            if (!graph.TryGetValue(state, out var arcs)) continue;
            var here = new Visited(state, path);
            foreach (var (to, a, b) in arcs)
            {
                if (here.Contains(to) || !Step(a, i, inDone, out bool nextIn, out var ni) || !Step(b, o, outDone, out bool nextOut, out var no)) continue;
                stack.Push((to, ni, no, nextIn, nextOut, here));
            }
        }
    }
    return [.. pairs];

    // One symbol on one side: a tag ends the lemma, ε adds nothing, a letter is appended; anything else cuts the path.
    static bool Step(string symbol, string text, bool done, out bool nowDone, out string next)
    {
        nowDone = done;
        next = text;
        if (done || symbol == "ε") return true;
        if (symbol.Length > 2 && symbol[0] == '<') { nowDone = true; return true; }
        foreach (var c in symbol) if (!char.IsLetter(c)) return false;
        next = text + symbol;
        return true;
    }
}

static string StripBracketed(string s)
{
    var sb = new StringBuilder(s.Length);
    int depth = 0;
    foreach (var c in s)
    {
        if (c is '(' or '[' or '<' or '{') depth++;
        else if (c is ')' or ']' or '>' or '}') depth = Math.Max(0, depth - 1);
        else if (depth == 0) sb.Append(c);
    }
    return sb.ToString().Trim();
}

static long B64(string s)
{
    const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    long v = 0;
    foreach (var c in s) v = v * 64 + alphabet.IndexOf(c);
    return v;
}

static string Here([CallerFilePath] string path = "") => path;

sealed record Visited(int State, Visited? Before)
{
    public bool Contains(int state)
    {
        for (var v = this; v is not null; v = v.Before)
            if (v.State == state) return true;
        return false;
    }
}
