using System.Text;
using System.Text.Json;

namespace QuoteEval;

/// <summary>
/// Reads SpkAtt-2023 task 1 (one JSON file per speech: tokenized sentences, and annotations naming tokens by
/// "sentence:token") into documents. The tokens are joined as a reader would see them — no space before closing
/// punctuation or a closing „…“ mark, none after an opening one — into one paragraph per speech. Every annotated
/// speech event with a Message is gold; its content is the Message tokens, its source the Source tokens.
/// </summary>
public static class SpkattReader
{
    const string NoSpaceBefore = ".,;:!?)]}%“”»";
    const string NoSpaceAfter = "([{„«";

    public static List<EvalDocument> Read(string splitDir)
    {
        var dir = Path.Combine(splitDir, "task1");
        if (!Directory.Exists(dir)) throw new EvalInputException($"{splitDir}: expected the folder task1/");
        var docs = new List<EvalDocument>();
        foreach (var file in Directory.GetFiles(dir, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            try { docs.Add(ReadSpeech(file)); }
            catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                throw new EvalInputException($"{file}: {e.Message}");
            }
        }
        return docs;
    }

    static EvalDocument ReadSpeech(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var sb = new StringBuilder();
        var tokenSpan = new Dictionary<string, Span>(StringComparer.Ordinal);
        bool straightOpen = false;
        foreach (var sentence in json.RootElement.GetProperty("Sentences").EnumerateArray())
        {
            int sid = sentence.GetProperty("SentenceId").GetInt32();
            int tid = 0;
            foreach (var t in sentence.GetProperty("Tokens").EnumerateArray())
            {
                var tok = t.GetString() ?? "";
                bool closingStraight = tok == "\"" && straightOpen;
                bool glue = sb.Length == 0 || NoSpaceAfter.Contains(sb[^1]) || (sb[^1] == '"' && straightOpen)
                    || (tok.Length == 1 && NoSpaceBefore.Contains(tok[0])) || closingStraight;
                if (!glue) sb.Append(' ');
                if (tok == "\"") straightOpen = !straightOpen;
                tokenSpan[$"{sid}:{tid++}"] = new Span(sb.Length, sb.Length + tok.Length);
                sb.Append(tok);
            }
        }
        var text = sb.ToString();
        var gold = new List<GoldAttribution>();
        foreach (var ann in json.RootElement.GetProperty("Annotations").EnumerateArray())
        {
            var content = Spans(ann.GetProperty("Message"), tokenSpan);
            if (content.Count == 0) continue;
            var source = Spans(ann.GetProperty("Source"), tokenSpan);
            gold.Add(new GoldAttribution(content, string.Join(' ', source.Select(s => text[s.Start..s.End]))));
        }
        return new EvalDocument(Path.GetFileNameWithoutExtension(file), text, gold);
    }

    /// <summary>The annotated tokens as spans, neighbouring tokens merged.</summary>
    static List<Span> Spans(JsonElement ids, Dictionary<string, Span> tokenSpan)
    {
        var spans = ids.EnumerateArray().Select(id => tokenSpan[id.GetString() ?? ""]).OrderBy(s => s.Start).ToList();
        var merged = new List<Span>();
        foreach (var s in spans)
            if (merged.Count > 0 && s.Start - merged[^1].End <= 1) merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, s.End) };
            else merged.Add(s);
        return merged;
    }
}
