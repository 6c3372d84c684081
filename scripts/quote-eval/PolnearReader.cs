using System.Text;

namespace QuoteEval;

/// <summary>
/// Reads PolNeAR (brat standoff: text/NAME.txt, attributions/NAME_ANNOTATOR.ann) into documents. Every annotated
/// attribution with a content span is gold (PolNeAR does not separate speech from belief or intention). Where an
/// article was annotated by several annotators, the first annotation file by name is used. The NYT's two
/// apostrophes ('') are given to the extractor as “ or ” (opening after a space, a bracket or the start, closing
/// otherwise), one character for two, and gold offsets are shifted to match.
/// </summary>
public static class PolnearReader
{
    public static List<EvalDocument> Read(string splitDir)
    {
        var textDir = Path.Combine(splitDir, "text");
        var annDir = Path.Combine(splitDir, "attributions");
        if (!Directory.Exists(textDir) || !Directory.Exists(annDir))
            throw new EvalInputException($"{splitDir}: expected the folders text/ and attributions/");
        var annByName = Directory.GetFiles(annDir, "*.ann").OrderBy(f => f, StringComparer.Ordinal)
            .GroupBy(ArticleName).ToDictionary(g => g.Key, g => g.First());
        var docs = new List<EvalDocument>();
        foreach (var textFile in Directory.GetFiles(textDir, "*.txt").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(textFile);
            if (!annByName.TryGetValue(name, out var ann)) continue;
            var (text, map) = ReaderText(File.ReadAllText(textFile));
            docs.Add(new EvalDocument(name, text, ReadAttributions(ann, text, map)));
        }
        return docs;
    }

    /// <summary>"nyt_2016-09-16_clinton-plan_4e07.ann" → "nyt_2016-09-16_clinton-plan".</summary>
    static string ArticleName(string annFile)
    {
        var stem = Path.GetFileNameWithoutExtension(annFile);
        int cut = stem.LastIndexOf('_');
        return cut > 0 ? stem[..cut] : stem;
    }

    /// <summary>The text with each '' replaced by one curly mark, and the new offset of every original offset.</summary>
    public static (string Text, int[] Map) ReaderText(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        var map = new int[raw.Length + 1];
        for (int i = 0; i < raw.Length; i++)
        {
            map[i] = sb.Length;
            if (raw[i] == '\'' && i + 1 < raw.Length && raw[i + 1] == '\'')
            {
                bool opening = sb.Length == 0 || char.IsWhiteSpace(sb[^1]) || sb[^1] is '(' or '[' or '—' or '-';
                sb.Append(opening ? '“' : '”');
                map[++i] = sb.Length - 1;
            }
            else sb.Append(raw[i]);
        }
        map[raw.Length] = sb.Length;
        return (sb.ToString(), map);
    }

    static List<GoldAttribution> ReadAttributions(string annFile, string text, int[] map)
    {
        var spans = new Dictionary<string, List<Span>>(StringComparer.Ordinal);
        var events = new List<string>();
        int lineNo = 0;
        foreach (var line in File.ReadLines(annFile))
        {
            lineNo++;
            var fields = line.Split('\t');
            if (line.StartsWith('T') && fields.Length >= 2)
            {
                var typeAndSpans = fields[1];
                int space = typeAndSpans.IndexOf(' ');
                if (space < 0) throw new EvalInputException($"{annFile}:{lineNo}: no offsets in '{fields[1]}'");
                var parts = new List<Span>();
                foreach (var piece in typeAndSpans[(space + 1)..].Split(';'))
                {
                    var se = piece.Split(' ');
                    if (se.Length != 2 || !int.TryParse(se[0], out var s) || !int.TryParse(se[1], out var e) || s > e || e >= map.Length)
                        throw new EvalInputException($"{annFile}:{lineNo}: bad offsets '{piece}'");
                    parts.Add(new Span(map[s], map[e]));
                }
                spans[fields[0]] = parts;
            }
            else if (line.StartsWith('E') && fields.Length >= 2) events.Add(fields[1]);
        }
        var gold = new List<GoldAttribution>();
        foreach (var ev in events)
        {
            var content = new List<Span>();
            var source = new List<Span>();
            foreach (var arg in ev.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1))
            {
                int colon = arg.IndexOf(':');
                if (colon < 0 || !spans.TryGetValue(arg[(colon + 1)..], out var parts)) continue;
                var role = arg[..colon];
                if (role.StartsWith("Content", StringComparison.Ordinal)) content.AddRange(parts);
                else if (role.StartsWith("Source", StringComparison.Ordinal)) source.AddRange(parts);
            }
            if (content.Count == 0) continue;
            gold.Add(new GoldAttribution(content, string.Join(' ', source.OrderBy(p => p.Start).Select(p => text[p.Start..p.End]))));
        }
        return gold;
    }
}
