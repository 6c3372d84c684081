using Cql.Engine.Planning;

namespace Cql.Engine.Execution;

/// <summary>
/// Keyness: reads every input text once, counting each word in the target rows and in the reference rows (a row
/// can be both when two conditions are given), then scores every word seen in either part. One batch out, at the end.
/// </summary>
public sealed class KeywordsOperator(IPhysicalOperator input, Keywords plan) : IPhysicalOperator
{
    readonly WordVocabulary _vocabulary = new();
    long[] _target = new long[1024];
    long[] _reference = new long[1024];
    bool _done;

    public IReadOnlyList<ResultColumn> Columns => plan.Schema;

    public ColumnBatch? Next(CancellationToken ct)
    {
        if (_done) return null;
        _done = true;
        var ids = new List<int>();
        long targetWords = 0, referenceWords = 0;
        while (input.Next(ct) is { } batch)
        {
            var columns = new BatchColumns(input.Columns, batch);
            var texts = (StringVector)columns.Get(WellKnownColumns.Text);
            var target = columns.Get(plan.TargetColumn);
            var reference = plan.ReferenceColumn is null ? null : columns.Get(plan.ReferenceColumn);
            for (int r = 0; r < batch.RowCount; r++)
            {
                bool inTarget = IsTrue(target, r);
                // The default reference is the rest: every row where the target condition is not true.
                bool inReference = reference is null ? !inTarget : IsTrue(reference, r);
                if (!(inTarget || inReference) || texts.IsNull(r)) continue;
                _vocabulary.Read(texts.Values[r].Span, ids);
                if (_vocabulary.Count > _target.Length)
                {
                    int size = Math.Max(_vocabulary.Count, _target.Length * 2);
                    Array.Resize(ref _target, size);
                    Array.Resize(ref _reference, size);
                }
                if (inTarget)
                {
                    targetWords += ids.Count;
                    foreach (var id in ids) _target[id]++;
                }
                if (inReference)
                {
                    referenceWords += ids.Count;
                    foreach (var id in ids) _reference[id]++;
                }
            }
        }
        return Result(targetWords, referenceWords);
    }

    // Per row of text (a sentence), not per word: a virtual call is nothing beside reading the words.
    static bool IsTrue(ColumnVector v, int row) => !v.IsNull(row) && v.GetBool(row);

    ColumnBatch? Result(long targetWords, long referenceWords)
    {
        // Without words on one side there is nothing to compare with.
        if (targetWords == 0 || referenceWords == 0) return null;
        double c = targetWords, d = referenceWords;
        var chosen = new List<int>();
        var scores = new List<double>();
        for (int id = 0; id < _vocabulary.Count; id++)
        {
            double ll = AssociationScores.KeynessLl(_target[id], _reference[id], c, d);
            if (ll >= plan.MinLl && (_target[id] > 0 || _reference[id] > 0)) { chosen.Add(id); scores.Add(ll); }
        }
        int m = chosen.Count;
        if (m == 0) return null;
        var order = new int[m];
        for (int i = 0; i < m; i++) order[i] = i;
        Array.Sort(order, (x, y) => scores[y].CompareTo(scores[x]) is var cmp && cmp != 0 ? cmp : string.CompareOrdinal(_vocabulary[chosen[x]], _vocabulary[chosen[y]]));
        var word = new ReadOnlyMemory<char>[m];
        var freq = new long[m];
        var freqRef = new long[m];
        var perMillion = new double[m];
        var perMillionRef = new double[m];
        var llOut = new double[m];
        var logRatio = new double[m];
        for (int i = 0; i < m; i++)
        {
            int id = chosen[order[i]];
            long a = _target[id], b = _reference[id];
            word[i] = _vocabulary[id].AsMemory();
            freq[i] = a;
            freqRef[i] = b;
            perMillion[i] = a * 1e6 / c;
            perMillionRef[i] = b * 1e6 / d;
            llOut[i] = scores[order[i]];
            logRatio[i] = AssociationScores.LogRatio(a, b, c, d);
        }
        return new ColumnBatch(
        [
            new StringVector(word, null, m), new Int64Vector(freq, null, m), new Int64Vector(freqRef, null, m),
            new Float64Vector(perMillion, null, m), new Float64Vector(perMillionRef, null, m),
            new Float64Vector(llOut, null, m), new Float64Vector(logRatio, null, m),
        ], m);
    }

    public void Dispose() => input.Dispose();
}
