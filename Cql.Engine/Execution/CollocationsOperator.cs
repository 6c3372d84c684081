using Cql.Engine.Planning;

namespace Cql.Engine.Execution;

/// <summary>
/// Collocations: reads every input text once, counting each word (f_y), all words (N), the matches of the term (f_x)
/// and the words within the window of each match (f_xy); then scores and sorts the words seen at least
/// <see cref="Collocations.Min"/> times in a window. One batch out, at the end.
/// </summary>
public sealed class CollocationsOperator(IPhysicalOperator input, Collocations plan) : IPhysicalOperator
{
    readonly WordVocabulary _vocabulary = new();
    readonly string[] _pattern = [.. plan.Words.Select(WordRules.Lower)];
    // Per pattern word, per vocabulary id: 0 not yet judged, 1 matches, 2 does not (a word is globbed once).
    readonly sbyte[][] _matches = new sbyte[plan.Words.Count][];
    long[] _freq = new long[1024];
    long[] _cofreq = new long[1024];
    bool _done;

    public IReadOnlyList<ResultColumn> Columns => plan.Schema;

    public ColumnBatch? Next(CancellationToken ct)
    {
        if (_done) return null;
        _done = true;
        for (int k = 0; k < _matches.Length; k++) _matches[k] = new sbyte[1024];
        var ids = new List<int>();
        long words = 0, termMatches = 0;
        int w = _pattern.Length, window = plan.Window;
        while (input.Next(ct) is { } batch)
        {
            var texts = (StringVector)new BatchColumns(input.Columns, batch).Get(WellKnownColumns.Text);
            for (int r = 0; r < batch.RowCount; r++)
            {
                if (texts.IsNull(r)) continue;
                _vocabulary.Read(texts.Values[r].Span, ids);
                Grow();
                int n = ids.Count;
                words += n;
                for (int i = 0; i < n; i++) _freq[ids[i]]++;
                for (int i = 0; i + w <= n; i++)
                {
                    if (!MatchesAt(ids, i)) continue;
                    termMatches++;
                    // The words before the match and after it, never the match's own words.
                    for (int j = Math.Max(0, i - window); j < i; j++) _cofreq[ids[j]]++;
                    for (int j = i + w, end = Math.Min(n, i + w + window); j < end; j++) _cofreq[ids[j]]++;
                }
            }
        }
        return Result(words, termMatches);
    }

    bool MatchesAt(List<int> ids, int i)
    {
        for (int k = 0; k < _pattern.Length; k++)
        {
            int id = ids[i + k];
            var judged = _matches[k];
            if (judged[id] == 0) judged[id] = WordRules.GlobMatches(_pattern[k], _vocabulary[id]) ? (sbyte)1 : (sbyte)2;
            if (judged[id] != 1) return false;
        }
        return true;
    }

    void Grow()
    {
        int need = _vocabulary.Count;
        if (need <= _freq.Length) return;
        int size = Math.Max(need, _freq.Length * 2);
        Array.Resize(ref _freq, size);
        Array.Resize(ref _cofreq, size);
        for (int k = 0; k < _matches.Length; k++) Array.Resize(ref _matches[k], size);
    }

    ColumnBatch? Result(long words, long termMatches)
    {
        var chosen = new List<int>();
        for (int id = 0; id < _vocabulary.Count; id++) if (_cofreq[id] >= plan.Min) chosen.Add(id);
        int m = chosen.Count;
        if (m == 0) return null;
        var word = new ReadOnlyMemory<char>[m];
        var cofreq = new long[m];
        var freq = new long[m];
        var logDice = new double[m];
        var mi = new double[m];
        var t = new double[m];
        var ll = new double[m];
        var score = new double[m];
        double fx = termMatches, n = words;
        for (int i = 0; i < m; i++)
        {
            int id = chosen[i];
            double fxy = _cofreq[id], fy = _freq[id];
            word[i] = _vocabulary[id].AsMemory();
            cofreq[i] = _cofreq[id];
            freq[i] = _freq[id];
            logDice[i] = AssociationScores.LogDice(fxy, fx, fy);
            mi[i] = AssociationScores.Mi(fxy, fx, fy, n);
            t[i] = AssociationScores.T(fxy, fx, fy, n);
            ll[i] = AssociationScores.Ll(fxy, fx, fy, n);
            score[i] = plan.By switch
            {
                CollocationScore.LogDice => logDice[i],
                CollocationScore.Mi => mi[i],
                CollocationScore.T => t[i],
                _ => ll[i],
            };
        }
        var order = new int[m];
        for (int i = 0; i < m; i++) order[i] = i;
        // Highest score first; ties by the word, so the order never depends on the order of the input.
        Array.Sort(order, (x, y) => score[y].CompareTo(score[x]) is var c && c != 0 ? c : string.CompareOrdinal(_vocabulary[chosen[x]], _vocabulary[chosen[y]]));
        return new ColumnBatch(
        [
            new StringVector(Permute(word, order), null, m), new Int64Vector(Permute(cofreq, order), null, m),
            new Int64Vector(Permute(freq, order), null, m), new Float64Vector(Permute(logDice, order), null, m),
            new Float64Vector(Permute(mi, order), null, m), new Float64Vector(Permute(t, order), null, m),
            new Float64Vector(Permute(ll, order), null, m),
        ], m);
    }

    internal static T[] Permute<T>(T[] values, int[] order)
    {
        var result = new T[order.Length];
        for (int i = 0; i < order.Length; i++) result[i] = values[order[i]];
        return result;
    }

    public void Dispose() => input.Dispose();
}
