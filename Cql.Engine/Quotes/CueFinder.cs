namespace Cql.Engine.Quotes;

/// <summary>A cue found in a paragraph: tokens [Start, End), the tokens its gap skipped [GapStart, GapEnd) ("la
/// han til": "han"), and the cue as written without its subject.</summary>
internal sealed record CueHit(int Start, int End, int GapStart, int GapEnd, CueKind Kind, string Words);

/// <summary>Finds the lexicon's cues in a token range, in the languages of the paragraph, longest first.</summary>
internal static class CueFinder
{
    const int MaxGap = 5;

    public static List<CueHit> Find(ParagraphContext p, int from, int to, Func<int, bool> opaque)
    {
        var hits = new List<CueHit>();
        var toks = p.Tokens;
        for (int i = from; i < to; i++)
        {
            if (opaque(i) || !toks[i].IsWord || IsNotCue(p, i)) continue;
            foreach (var pat in p.CuesAt(i))
            {
                if (!p.Languages.Contains(pat.Lang) && p.Languages.Count > 0) continue;
                if (Match(p, pat, i, to, opaque) is { } hit) { hits.Add(hit); i = hit.End - 1; break; }
            }
        }
        return hits;
    }

    /// <summary>The word stands in a phrase of the lexicon's notcue class: "la cuenta", "cuenta con", "le juge".</summary>
    public static bool IsNotCue(ParagraphContext p, int i)
    {
        var toks = p.Tokens;
        foreach (var nc in p.FactsAt(i).NotCues)
        {
            if (!p.Languages.Contains(nc.Lang)) continue;
            int s = i - nc.At;
            if (s < 0 || s + nc.Words.Length > toks.Count) continue;
            bool all = true;
            for (int w = 0; w < nc.Words.Length && all; w++) all = toks[s + w].Lower == nc.Words[w];
            if (all) return true;
        }
        return false;
    }

    static CueHit? Match(ParagraphContext p, CuePattern pat, int i, int to, Func<int, bool> opaque)
    {
        var toks = p.Tokens;
        int k = i + 1, gapStart = -1, gapEnd = -1;
        for (int w = 1; w < pat.Words.Length; w++)
        {
            if (w - 1 == pat.GapAfter)
            {
                int g = k;
                while (g < to && g - k <= MaxGap && !opaque(g) && toks[g].IsWord && toks[g].Lower != pat.Words[w]) g++;
                if (g >= to || toks[g].Lower != pat.Words[w]) return null;
                gapStart = k;
                gapEnd = g;
                k = g + 1;
                continue;
            }
            if (k >= to || opaque(k) || toks[k].Lower != pat.Words[w]) return null;
            k++;
        }
        // A gap pattern needs its gap ("la … til" is not the Norwegian "la til" of another sense only when words follow).
        return new CueHit(i, k, gapStart, gapEnd, pat.Kind, pat.Text);
    }
}
