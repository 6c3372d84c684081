using Cql.Engine.Storage.Indexing;
using Cql.Engine.Storage.Reading;

namespace Cql.Engine.Execution;

/// <summary>
/// Reads a term index (<see cref="TermIndexSpec"/>): the ids of the rows whose text has a word that a test accepts,
/// and the word's occurrences. The index is scanned like any table, so row groups whose term range cannot hold the
/// word are skipped by their statistics, and the term column is tested once per dictionary entry.
/// </summary>
public static class TermIndexLookup
{
    /// <summary>How a term is tested: equal to a word, containing a piece of one, or matching a glob.</summary>
    public enum Kind { Word, Piece, Glob }

    /// <summary>The ids of the rows with an accepted term (when asked for), the terms' occurrences, and the sum of
    /// their row counts (the number of rows when one word is looked up: a row has a word once per segment).</summary>
    public sealed record Result(IdSet Ids, long Occurrences, long Rows);

    public static Result Run(IReadOnlyList<string> indexFiles, Kind kind, string lowerPattern, bool wantIds, CancellationToken ct)
    {
        // The range of terms that can match, for pruning row groups by their min/max (none for a piece of a word).
        string? lo = null, hi = null;
        if (kind == Kind.Word) lo = hi = lowerPattern;
        else if (kind == Kind.Glob)
        {
            int star = lowerPattern.IndexOf('*');
            var head = star < 0 ? lowerPattern : lowerPattern[..star];
            if (head.Length > 0) { lo = head; hi = head + '\uffff'; }
        }
        var ids = new IdSet();
        long occurrences = 0, rowSum = 0;
        using var open = new ParquetFileCache();
        foreach (var path in indexFiles)
        {
            ct.ThrowIfCancellationRequested();
            var footer = open.Footer(path);
            try
            {
                var file = open.Handle(path);
                ParquetColumn Column(string name) => footer.Columns.TryGetValue(name, out var c) && c.Name == name ? c
                    : throw new CorpusReadException(path, $"term index without a {name} column");
                var termColumn = Column(TermIndexSpec.TermColumn);
                var occColumn = Column(TermIndexSpec.OccurrencesColumn);
                var rowsColumn = Column(TermIndexSpec.RowsColumn);
                var idsColumn = Column(TermIndexSpec.IdsColumn);
                foreach (var rg in footer.RowGroups)
                {
                    int n = checked((int)rg.RowCount);
                    if (n == 0 || (lo is not null && !MayHold(rg.Get(TermIndexSpec.TermColumn), lo, hi!))) continue;
                    var terms = (StringVector)ColumnChunkReader.Read(file, termColumn, rg.Chunk(termColumn), n, ColumnType.String);
                    List<int>? matched = null;
                    for (int r = 0; r < n; r++)
                    {
                        if (terms.IsNull(r)) continue;
                        var t = terms.GetString(r).Span;
                        bool ok = kind switch
                        {
                            Kind.Word => t.SequenceEqual(lowerPattern),
                            Kind.Piece => t.Contains(lowerPattern, StringComparison.Ordinal),
                            _ => WordRules.GlobMatches(lowerPattern, t),
                        };
                        if (ok) (matched ??= []).Add(r);
                    }
                    if (matched is null) continue;
                    var occ = ((Int64Vector)ColumnChunkReader.Read(file, occColumn, rg.Chunk(occColumn), n, ColumnType.Int64)).Values;
                    foreach (var r in matched) occurrences += occ[r];
                    var counts = ((Int32Vector)ColumnChunkReader.Read(file, rowsColumn, rg.Chunk(rowsColumn), n, ColumnType.Int32)).Values;
                    foreach (var r in matched) rowSum += counts[r];
                    if (!wantIds) continue;
                    var flat = ColumnChunkReader.ReadRepeatedInt32(file, idsColumn, rg.Chunk(idsColumn), n, out var lengths);
                    var offset = new int[n + 1];
                    for (int r = 0; r < n; r++)
                    {
                        if (lengths[r] != counts[r]) throw new CorpusReadException(path, "term index ids do not add up to its row counts");
                        offset[r + 1] = offset[r] + lengths[r];
                    }
                    foreach (var r in matched)
                        for (int i = offset[r]; i < offset[r + 1]; i++) ids.Add(flat[i]);
                }
            }
            catch (Exception e) when (CorpusReadException.IsFileDamage(e)) { throw new CorpusReadException(path, e.Message, e); }
        }
        return new Result(ids, occurrences, rowSum);
    }

    // Whether a row group whose terms lie in [min, max] can hold a term in [lo, hi]. Only judged where UTF-16 order
    // is code point order (below the surrogates), so it agrees with whatever order the writer's statistics used.
    static bool MayHold(ColumnStatistics? stats, string lo, string hi)
    {
        if (stats is not { Min: string min, Max: string max }) return true;
        if (!TextOrder.BelowSurrogates(min) || !TextOrder.BelowSurrogates(max) || !TextOrder.BelowSurrogates(lo)
            || !TextOrder.BelowSurrogates(hi.TrimEnd('\uffff'))) return true;
        return string.CompareOrdinal(max, lo) >= 0 && string.CompareOrdinal(min, hi) <= 0;
    }
}
