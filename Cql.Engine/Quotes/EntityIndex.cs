using Cql.Engine.Text;

namespace Cql.Engine.Quotes;

/// <summary>A known entity named by tokens [TokStart, TokEnd) of a paragraph; Genitive when written with a possessive
/// ending ("Putins", "Moscow’s").</summary>
internal readonly record struct EntityHit(int TokStart, int TokEnd, EntityRecord Entity, bool Genitive);

/// <summary>
/// Finds the gazetteer's names in token sequences: the longest alias wins; matching ignores case except that
/// all-capital aliases (AP, TT) must match exactly and one-word names must be capitalised in the text ("Trump", not
/// "trump"). A possessive ending and the first part of a hyphenated compound ("Kreml-Lesungen") count as the name.
/// Built once per gazetteer; immutable and shared across threads.
/// </summary>
internal sealed class EntityIndex
{
    sealed record Alias(string[] Lower, bool[] Exact, bool NeedsCapital, EntityRecord Entity);

    readonly Dictionary<string, List<Alias>> _byFirst = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<Alias>>.AlternateLookup<ReadOnlySpan<char>> _byFirstLookup;

    public EntityIndex(IEnumerable<EntityRecord> entities)
    {
        _byFirstLookup = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        var tokens = new List<Token>();
        // The aliases' own pool: their tokens are read for their strings only, never kept.
        var words = new TokenStringPool();
        foreach (var e in entities)
        {
            var names = new List<string>(e.Aliases.Count + 1) { e.Name };
            names.AddRange(e.Aliases);
            foreach (var name in names)
            {
                tokens.Clear();
                QuoteTokenizer.Tokenize(name, 0, name.Length, tokens, words);
                if (tokens.Count == 0) continue;
                var lower = new string[tokens.Count];
                var exact = new bool[tokens.Count];
                for (int i = 0; i < tokens.Count; i++)
                {
                    lower[i] = tokens[i].Lower;
                    exact[i] = tokens[i].IsAllCaps;
                }
                var alias = new Alias(lower, exact, tokens.Count == 1 && tokens[0].IsCapitalized, e);
                if (!_byFirst.TryGetValue(lower[0], out var list)) _byFirst[lower[0]] = list = [];
                if (!list.Exists(a => a.Entity == e && a.Lower.AsSpan().SequenceEqual(lower))) list.Add(alias);
            }
        }
        foreach (var list in _byFirst.Values) list.Sort((a, b) => b.Lower.Length.CompareTo(a.Lower.Length));
    }

    /// <summary>The longest known name starting at token <paramref name="i"/>, if any. Runs for every word of every
    /// paragraph: the lookup keys are spans of the token's lower-case form, so it allocates nothing.</summary>
    public EntityHit? Match(IReadOnlyList<Token> tokens, int i, int end)
    {
        var t = tokens[i];
        if (!t.IsWord) return null;
        EntityHit? best = null;
        var lower = t.Lower;
        if (!MayStartName(t.Word)) return null;
        // The lookup keys of a first token: itself, without a possessive ending, the part before a hyphen.
        MatchKey(lower, tokens, i, end, t, ref best);
        foreach (var g in Genitives)
            if (lower.Length > g.Length + 1 && lower.EndsWith(g, StringComparison.Ordinal)) MatchKey(lower.AsSpan(0, lower.Length - g.Length), tokens, i, end, t, ref best);
        int dash = lower.IndexOf('-');
        if (dash > 1) MatchKey(lower.AsSpan(0, dash), tokens, i, end, t, ref best);
        return best;
    }

    /// <summary>Whether any lookup key of the word (<see cref="Match"/>'s three) starts an alias. Most words start
    /// none; the verdict is kept in the word's notes (one per distinct word and pool), a field read instead of up to
    /// three lookups.</summary>
    bool MayStartName(PooledWord word)
    {
        var notes = QuoteWordNotes.Of(word);
        if (notes.StartsNamesOf == this) return true;
        if (notes.StartsNoNameOf == this) return false;
        var lower = word.Lower;
        bool may = _byFirstLookup.ContainsKey(lower);
        foreach (var g in Genitives)
            may |= lower.Length > g.Length + 1 && lower.EndsWith(g, StringComparison.Ordinal) && _byFirstLookup.ContainsKey(lower.AsSpan(0, lower.Length - g.Length));
        int dash = lower.IndexOf('-');
        may |= dash > 1 && _byFirstLookup.ContainsKey(lower.AsSpan(0, dash));
        if (may) notes.StartsNamesOf = this;
        else notes.StartsNoNameOf = this;
        return may;
    }

    void MatchKey(ReadOnlySpan<char> key, IReadOnlyList<Token> tokens, int i, int end, Token t, ref EntityHit? best)
    {
        if (!_byFirstLookup.TryGetValue(key, out var list)) return;
        foreach (var a in list)
        {
            if (best is { } b && b.TokEnd - b.TokStart >= a.Lower.Length) break;
            if (i + a.Lower.Length > end) continue;
            bool genitive = false, ok = true;
            for (int k = 0; k < a.Lower.Length && ok; k++)
            {
                var tk = tokens[i + k];
                bool last = k == a.Lower.Length - 1;
                ok = tk.Lower == a.Lower[k] || (last && tk.IsWord && IsInflected(tk.Lower, a.Lower[k], out genitive));
                if (ok && a.Exact[k]) ok = UpperPrefix(tk.Text, a.Lower[k].Length);
            }
            if (ok && a.NeedsCapital && !t.IsCapitalized) ok = false;
            if (ok) { best = new EntityHit(i, i + a.Lower.Length, a.Entity, genitive); break; }
        }
    }

    static bool UpperPrefix(string text, int length)
    {
        for (int i = 0; i < length && i < text.Length; i++) if (char.IsLower(text[i])) return false;
        return true;
    }

    static readonly string[] Genitives = ["’s", "'s", ":s", "s", "’", "'"];

    static bool IsInflected(string word, string alias, out bool genitive)
    {
        genitive = false;
        if (!word.StartsWith(alias, StringComparison.Ordinal)) return false;
        var rest = word.AsSpan(alias.Length);
        if (rest.Length > 0 && rest[0] == '-') return true;
        foreach (var g in Genitives)
            if (rest.SequenceEqual(g)) { genitive = true; return true; }
        return false;
    }

    /// <summary>Every known name in a token range, longest first and without overlaps.</summary>
    public void FindAll(IReadOnlyList<Token> tokens, int start, int end, List<EntityHit> into)
    {
        for (int i = start; i < end;)
        {
            if (Match(tokens, i, end) is { } hit) { into.Add(hit); i = hit.TokEnd; }
            else i++;
        }
    }
}
