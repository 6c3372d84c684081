using Cql.Engine.Planning;
using System.Runtime.InteropServices;

namespace Cql.Engine.Execution;

/// <summary>
/// Entities mentioned together: places each mention of a person or organisation in its unit (the sentence or
/// paragraph whose [start, end) holds the mention's start, or its document), keeps each entity once per unit, and
/// counts for each pair the units that mention both (n) and for each entity the units that mention it (for logDice).
/// Every pair comes out both ways round, so `where a = …` finds all of an entity's partners. One batch, at the end.
/// </summary>
public sealed class CooccurOperator(IPhysicalOperator mentions, IPhysicalOperator? units, IPhysicalOperator entities) : IPhysicalOperator
{
    bool _done;

    public IReadOnlyList<ResultColumn> Columns { get; } =
        [new("a", ColumnType.String), new("b", ColumnType.String), new("n", ColumnType.Int64), new("logdice", ColumnType.Float64)];

    public ColumnBatch? Next(CancellationToken ct)
    {
        if (_done) return null;
        _done = true;
        var (names, index) = ReadEntities(ct);
        var placed = units is null ? null : UnitIndex.Read(units, ct);

        // (unit, entity) once each: a unit is a sentence's or paragraph's place in the unit index, or a doc_id.
        var seen = new HashSet<long>();
        while (mentions.Next(ct) is { } batch)
        {
            var columns = new BatchColumns(mentions.Columns, batch);
            var docs = (Int32Vector)columns.Get(WellKnownColumns.DocId);
            var entityIds = (Int32Vector)columns.Get("entity_id");
            var starts = (Int32Vector)columns.Get("start");
            for (int r = 0; r < batch.RowCount; r++)
            {
                if (docs.IsNull(r) || entityIds.IsNull(r) || starts.IsNull(r)) continue;
                if (!index.TryGetValue(entityIds.Values[r], out int entity)) continue;
                long unit = placed is null ? docs.Values[r] : placed.Find(docs.Values[r], starts.Values[r]);
                if (unit < 0) continue; // in no sentence (a title, say): it shares none
                seen.Add((unit << 20) | (uint)entity);
            }
        }

        var pairs = new long[seen.Count];
        seen.CopyTo(pairs);
        Array.Sort(pairs); // by unit, then entity
        var units1 = new long[names.Count];
        var together = new Dictionary<long, long>();
        for (int i = 0; i < pairs.Length;)
        {
            int j = i;
            while (j < pairs.Length && pairs[j] >> 20 == pairs[i] >> 20) j++;
            for (int x = i; x < j; x++)
            {
                int ex = (int)(pairs[x] & 0xFFFFF);
                units1[ex]++;
                for (int y = x + 1; y < j; y++)
                {
                    long key = ((long)ex << 20) | (pairs[y] & 0xFFFFF);
                    CollectionsMarshal.GetValueRefOrAddDefault(together, key, out _)++;
                }
            }
            i = j;
        }

        int m = together.Count * 2;
        if (m == 0) return null;
        var a = new string[m];
        var b = new string[m];
        var n = new long[m];
        var logDice = new double[m];
        int k = 0;
        foreach (var (key, count) in together)
        {
            int ea = (int)(key >> 20), eb = (int)(key & 0xFFFFF);
            double score = AssociationScores.LogDice(count, units1[ea], units1[eb]);
            (a[k], b[k], n[k], logDice[k]) = (names[ea], names[eb], count, score);
            (a[k + 1], b[k + 1], n[k + 1], logDice[k + 1]) = (names[eb], names[ea], count, score);
            k += 2;
        }
        var order = new int[m];
        for (int i = 0; i < m; i++) order[i] = i;
        Array.Sort(order, (x, y) =>
            n[y].CompareTo(n[x]) is var c && c != 0 ? c
            : string.CompareOrdinal(a[x], a[y]) is var c2 && c2 != 0 ? c2
            : string.CompareOrdinal(b[x], b[y]));
        var aOut = new ReadOnlyMemory<char>[m];
        var bOut = new ReadOnlyMemory<char>[m];
        for (int i = 0; i < m; i++) { aOut[i] = a[order[i]].AsMemory(); bOut[i] = b[order[i]].AsMemory(); }
        return new ColumnBatch(
        [
            new StringVector(aOut, null, m), new StringVector(bOut, null, m),
            new Int64Vector(CollocationsOperator.Permute(n, order), null, m),
            new Float64Vector(CollocationsOperator.Permute(logDice, order), null, m),
        ], m);
    }

    /// <summary>The people and organisations: their names by dense index, and each entity_id's index.</summary>
    (List<string> Names, Dictionary<int, int> Index) ReadEntities(CancellationToken ct)
    {
        var names = new List<string>();
        var index = new Dictionary<int, int>();
        while (entities.Next(ct) is { } batch)
        {
            var columns = new BatchColumns(entities.Columns, batch);
            var ids = columns.Get("entity_id");
            var name = columns.Get("name");
            var kind = columns.Get("kind");
            for (int r = 0; r < batch.RowCount; r++)
            {
                if (ids.IsNull(r) || name.IsNull(r) || kind.IsNull(r)) continue;
                var k = kind.GetString(r).Span;
                bool kept = false;
                foreach (var wanted in Cooccur.Kinds) kept |= k.SequenceEqual(wanted);
                if (!kept || !index.TryAdd(ids.GetInt32(r), names.Count)) continue;
                names.Add(name.GetString(r).ToString());
            }
        }
        if (names.Count > 0xFFFFF) throw new QueryRuntimeException($"cooccur counts at most {0xFFFFF} entities, and the corpus has {names.Count} people and organisations");
        return (names, index);
    }

    public void Dispose()
    {
        mentions.Dispose();
        units?.Dispose();
        entities.Dispose();
    }

    /// <summary>The sentences or paragraphs of every document, sorted by start, to find the one holding an offset.</summary>
    sealed class UnitIndex
    {
        readonly Dictionary<int, (int From, int To)> _byDoc = [];
        long[] _keys = [];
        int[] _ends = [];

        public static UnitIndex Read(IPhysicalOperator units, CancellationToken ct)
        {
            var docs = new List<int>();
            var starts = new List<int>();
            var ends = new List<int>();
            while (units.Next(ct) is { } batch)
            {
                var columns = new BatchColumns(units.Columns, batch);
                var d = (Int32Vector)columns.Get(WellKnownColumns.DocId);
                var s = (Int32Vector)columns.Get("start");
                var e = (Int32Vector)columns.Get("end");
                for (int r = 0; r < batch.RowCount; r++)
                {
                    docs.Add(d.Values[r]);
                    starts.Add(s.Values[r]);
                    ends.Add(e.Values[r]);
                }
            }
            var index = new UnitIndex { _keys = new long[docs.Count], _ends = new int[docs.Count] };
            var order = new int[docs.Count];
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = i;
                index._keys[i] = ((long)docs[i] << 32) | (uint)starts[i];
            }
            Array.Sort(index._keys, order);
            for (int i = 0; i < order.Length; i++) index._ends[i] = ends[order[i]];
            for (int i = 0; i < order.Length;)
            {
                int doc = (int)(index._keys[i] >> 32), j = i;
                while (j < order.Length && (int)(index._keys[j] >> 32) == doc) j++;
                index._byDoc[doc] = (i, j);
                i = j;
            }
            return index;
        }

        /// <summary>The place of the unit of <paramref name="doc"/> whose [start, end) holds <paramref name="offset"/>; −1 when none does.</summary>
        public long Find(int doc, int offset)
        {
            if (!_byDoc.TryGetValue(doc, out var range)) return -1;
            int i = Array.BinarySearch(_keys, range.From, range.To - range.From, ((long)doc << 32) | (uint)offset);
            if (i < 0) i = ~i - 1; // the last unit starting before the offset
            return i >= range.From && offset < _ends[i] ? i : -1;
        }
    }
}
