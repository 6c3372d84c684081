using System.Text;

namespace Cql.Engine.Text;

/// <summary>
/// Unicode canonical composition (NFC) in managed code. The engine runs with invariant globalization, where
/// <see cref="string.Normalize()"/> silently returns its input unchanged; this gives the same answer on every
/// machine, ICU or not. Text that has nothing to compose or reorder (almost all of it) is returned as is.
/// </summary>
static class Nfc
{
    const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

    static readonly Dictionary<int, byte> CombiningClass = LoadCombiningClasses();
    static readonly Dictionary<long, int> Composite = new();
    static readonly Dictionary<int, (int First, int Second)> Decomposition = new();
    /// <summary>BMP code points that may change under NFC (marks, second halves of pairs, singletons); a string
    /// with none of them (and no astral character that may) is already NFC.</summary>
    static readonly bool[] MayChangeBmp = new bool[0x10000];
    static readonly HashSet<int> MayChangeAstral = [];

    static Nfc()
    {
        var pairs = NfcData.Compositions;
        for (int i = 0; i < pairs.Length; i += 3)
        {
            Composite[Key(pairs[i], pairs[i + 1])] = pairs[i + 2];
            Decomposition[pairs[i + 2]] = (pairs[i], pairs[i + 1]);
            MarkMayChange(pairs[i + 1]);
        }
        var singles = NfcData.Decompositions;
        for (int i = 0; i < singles.Length; i += 3)
        {
            Decomposition[singles[i]] = (singles[i + 1], singles[i + 2]);
            MarkMayChange(singles[i]);
        }
        foreach (var cp in CombiningClass.Keys) MarkMayChange(cp);
        // Conjoining jamo compose into Hangul syllables.
        for (int cp = VBase; cp < VBase + VCount; cp++) MarkMayChange(cp);
        for (int cp = TBase + 1; cp < TBase + TCount; cp++) MarkMayChange(cp);
    }

    static Dictionary<int, byte> LoadCombiningClasses()
    {
        var data = NfcData.CombiningClasses;
        var map = new Dictionary<int, byte>(data.Length / 2);
        for (int i = 0; i < data.Length; i += 2) map[data[i]] = (byte)data[i + 1];
        return map;
    }

    static void MarkMayChange(int cp)
    {
        if (cp < 0x10000) MayChangeBmp[cp] = true;
        else MayChangeAstral.Add(cp);
    }

    static long Key(int first, int second) => ((long)first << 21) | (uint)second;

    /// <summary>True when NFC leaves <paramref name="s"/> unchanged for certain (a quick check, no allocation).</summary>
    public static bool IsSurelyNormalized(ReadOnlySpan<char> s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c < 0x300) continue;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                if (MayChangeAstral.Contains(char.ConvertToUtf32(c, s[i + 1]))) return false;
                i++;
                continue;
            }
            if (MayChangeBmp[c]) return false;
        }
        return true;
    }

    /// <summary>The NFC form of <paramref name="s"/>. Lone surrogates pass through unchanged. Only the stretches
    /// around characters that may change are normalised: a character that may not change (and so has combining
    /// class 0 and composes with nothing before it) bounds what NFC can touch, so the text between two such
    /// characters normalises on its own. One Tamil word in an Italian article costs that word, not the article.</summary>
    public static string Normalize(string s)
    {
        int next = NextMayChange(s, 0);
        if (next < 0) return s;
        var sb = new StringBuilder(s.Length + 8);
        int copied = 0;
        var cps = new List<int>(16);
        while (next >= 0)
        {
            // The stretch: from the stable character before it (the starter marks may join) to the next stable one.
            int start = next;
            while (start > copied && !IsStableAt(s, start - 1)) start--;
            if (start > copied) start--;
            int end = next + 1;
            while (end < s.Length && !IsStableAt(s, end)) end++;
            sb.Append(s, copied, start - copied);
            NormalizeStretch(s.AsSpan(start, end - start), cps, sb);
            copied = end;
            next = NextMayChange(s, end);
        }
        sb.Append(s, copied, s.Length - copied);
        var result = sb.ToString();
        return result == s ? s : result;
    }

    /// <summary>Whether the character at <paramref name="i"/> can neither change nor be changed by what comes
    /// before it (the low half of a pair is judged with its high half).</summary>
    static bool IsStableAt(string s, int i)
    {
        char c = s[i];
        if (c < 0x300) return true;
        if (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(s[i - 1])) return false;
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            return !MayChangeAstral.Contains(char.ConvertToUtf32(c, s[i + 1]));
        return !MayChangeBmp[c];
    }

    /// <summary>The first character at or after <paramref name="from"/> that NFC may change, or -1.</summary>
    static int NextMayChange(string s, int from)
    {
        for (int i = from; i < s.Length; i++)
        {
            char c = s[i];
            if (c < 0x300) continue;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                if (MayChangeAstral.Contains(char.ConvertToUtf32(c, s[i + 1]))) return i;
                i++;
                continue;
            }
            if (MayChangeBmp[c]) return i;
        }
        return -1;
    }

    /// <summary>NFC of the whole string by decomposition, reordering and composition (what <see cref="Normalize"/>
    /// does stretch by stretch; the tests compare the two).</summary>
    internal static string NormalizeWhole(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        NormalizeStretch(s, new List<int>(s.Length + 8), sb);
        var result = sb.ToString();
        return result == s ? s : result;
    }

    static void NormalizeStretch(ReadOnlySpan<char> s, List<int> cps, StringBuilder into)
    {
        cps.Clear();
        for (int i = 0; i < s.Length; i++)
        {
            int cp = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                cp = char.ConvertToUtf32(s[i], s[++i]);
            Decompose(cp, cps);
        }
        ReorderMarks(cps);
        int n = Compose(cps);
        for (int i = 0; i < n; i++)
        {
            if (cps[i] >= 0x10000) into.Append(char.ConvertFromUtf32(cps[i]));
            else into.Append((char)cps[i]);
        }
    }

    static int ClassOf(int cp) => CombiningClass.TryGetValue(cp, out var c) ? c : 0;

    static void Decompose(int cp, List<int> into)
    {
        if (cp is >= SBase and < SBase + SCount)
        {
            int index = cp - SBase;
            into.Add(LBase + index / NCount);
            into.Add(VBase + index % NCount / TCount);
            if (index % TCount != 0) into.Add(TBase + index % TCount);
            return;
        }
        if (Decomposition.TryGetValue(cp, out var d))
        {
            Decompose(d.First, into);
            if (d.Second != 0) Decompose(d.Second, into);
            return;
        }
        into.Add(cp);
    }

    /// <summary>Canonical ordering: a run of marks is stably sorted by combining class.</summary>
    static void ReorderMarks(List<int> cps)
    {
        for (int i = 1; i < cps.Count; i++)
        {
            int cls = ClassOf(cps[i]);
            if (cls == 0) continue;
            int cp = cps[i], j = i - 1;
            while (j >= 0 && ClassOf(cps[j]) > cls)
            {
                cps[j + 1] = cps[j];
                j--;
            }
            cps[j + 1] = cp;
        }
    }

    /// <summary>Canonical composition in place; returns the new length.</summary>
    static int Compose(List<int> cps)
    {
        int starter = -1, lastClass = -1, n = 0;
        for (int i = 0; i < cps.Count; i++)
        {
            int cp = cps[i], cls = ClassOf(cp);
            // A character composes with the last starter unless a character in between blocks it.
            if (starter >= 0 && (lastClass == -1 || (lastClass != 0 && lastClass < cls)) && TryCompose(cps[starter], cp) is int composed)
            {
                cps[starter] = composed;
                continue;
            }
            if (cls == 0) { starter = n; lastClass = -1; }
            else lastClass = cls;
            cps[n++] = cp;
        }
        return n;
    }

    static int? TryCompose(int first, int second)
    {
        if (first is >= LBase and < LBase + LCount && second is >= VBase and < VBase + VCount)
            return SBase + ((first - LBase) * VCount + (second - VBase)) * TCount;
        if (first is >= SBase and < SBase + SCount && (first - SBase) % TCount == 0 && second is > TBase and < TBase + TCount)
            return first + (second - TBase);
        return Composite.TryGetValue(Key(first, second), out var c) ? c : null;
    }
}
