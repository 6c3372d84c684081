using Cql.Engine.Planning;
using Cql.Engine.Storage;
using Cql.Engine.Storage.Indexing;
using Cql.Engine.Storage.Reading;
using Parquet.Schema;

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

    public static Result Run(IReadOnlyList<string> indexFiles, Kind kind, string lowerPattern, bool wantIds, CancellationToken ct) =>
        RunAsync(indexFiles, kind, lowerPattern, wantIds, ct).AsTask().GetAwaiter().GetResult();

    static async ValueTask<Result> RunAsync(IReadOnlyList<string> indexFiles, Kind kind, string lowerPattern, bool wantIds, CancellationToken ct)
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
        using var pool = new ParquetReaderPool();
        foreach (var path in indexFiles)
        {
            ct.ThrowIfCancellationRequested();
            var reader = await pool.RentAsync(path, ct);
            try
            {
                var fields = reader.Schema.GetDataFields();
                DataField Field(string name) => fields.FirstOrDefault(f => f.Name == name)
                    ?? throw new CorpusReadException(path, $"term index without a {name} column");
                var termField = Field(TermIndexSpec.TermColumn);
                var occField = Field(TermIndexSpec.OccurrencesColumn);
                var rowsField = Field(TermIndexSpec.RowsColumn);
                var idsField = Field(TermIndexSpec.IdsColumn);
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    using var rg = reader.OpenRowGroupReader(g);
                    int n = checked((int)rg.RowCount);
                    if (n == 0 || (lo is not null && !MayHold(rg.GetStatistics(termField), lo, hi!))) continue;
                    var terms = new string?[n];
                    await rg.ReadAsync(termField, terms.AsMemory(), null, ct);
                    List<int>? matched = null;
                    for (int r = 0; r < n; r++)
                    {
                        var t = terms[r];
                        bool ok = t is not null && kind switch
                        {
                            Kind.Word => t == lowerPattern,
                            Kind.Piece => t.Contains(lowerPattern, StringComparison.Ordinal),
                            _ => WordRules.GlobMatches(lowerPattern, t),
                        };
                        if (ok) (matched ??= []).Add(r);
                    }
                    if (matched is null) continue;
                    var occ = new long[n];
                    await rg.ReadAsync<long>(occField, occ.AsMemory(), null, ct);
                    foreach (var r in matched) occurrences += occ[r];
                    var counts = new int[n];
                    await rg.ReadAsync<int>(rowsField, counts.AsMemory(), null, ct);
                    foreach (var r in matched) rowSum += counts[r];
                    if (!wantIds) continue;
                    int values = checked((int)(rg.GetMetadata(idsField)?.MetaData?.NumValues ?? 0));
                    var flat = new int[values];
                    var defs = new int[values];
                    var reps = new int[values];
                    await rg.ReadRawAsync<int>(idsField, flat.AsMemory(), defs.AsMemory(), reps.AsMemory(), ct);
                    var offset = new int[n + 1];
                    for (int r = 0; r < n; r++) offset[r + 1] = offset[r] + counts[r];
                    if (offset[n] != values) throw new CorpusReadException(path, "term index ids do not add up to its row counts");
                    foreach (var r in matched)
                        for (int i = offset[r]; i < offset[r + 1]; i++) ids.Add(flat[i]);
                }
            }
            catch (Exception e) when (CorpusReadException.IsFileDamage(e)) { throw new CorpusReadException(path, e.Message, e); }
            finally { pool.Return(path, reader); }
        }
        return new Result(ids, occurrences, rowSum);
    }

    // Whether a row group whose terms lie in [min, max] can hold a term in [lo, hi]. Only judged where UTF-16 order
    // is code point order (below the surrogates), so it agrees with whatever order the writer's statistics used.
    static bool MayHold(Parquet.Data.DataColumnStatistics? stats, string lo, string hi)
    {
        if (stats is null || Optimizing.RowGroupPruning.Normalise(stats.MinValue) is not string min
            || Optimizing.RowGroupPruning.Normalise(stats.MaxValue) is not string max) return true;
        if (!BelowSurrogates(min) || !BelowSurrogates(max) || !BelowSurrogates(lo) || !BelowSurrogates(hi.TrimEnd('\uffff'))) return true;
        return string.CompareOrdinal(max, lo) >= 0 && string.CompareOrdinal(min, hi) <= 0;
    }

    static bool BelowSurrogates(string s)
    {
        foreach (var c in s) if (c >= '\ud800') return false;
        return true;
    }

    /// <summary>
    /// The scan predicate with every <see cref="IndexedTextMatch"/> resolved against the corpus: an id set when the
    /// table has a complete index, the original text test otherwise.
    /// </summary>
    public static Expr? Resolve(Expr? e, CorpusFiles files, CancellationToken ct) => e switch
    {
        null => null,
        And a => new And(Resolve(a.Left, files, ct)!, Resolve(a.Right, files, ct)!),
        Or o => new Or(Resolve(o.Left, files, ct)!, Resolve(o.Right, files, ct)!),
        Not n => new Not(Resolve(n.Operand, files, ct)!),
        IndexedTextMatch x => ResolveOne(x, files, ct),
        _ => e,
    };

    static Expr ResolveOne(IndexedTextMatch x, CorpusFiles files, CancellationToken ct)
    {
        if (files.IndexOf(x.Table) is not { } indexFiles) return x.Original;
        var lower = WordRules.Lower(x.Original.Pattern);
        IdSet ids;
        if (x.Original.Op == TextOp.Contains) ids = Run(indexFiles, Kind.Piece, lower, wantIds: true, ct).Ids;
        else
        {
            // A phrase: the rows with every one of its words (fewest first would be cheaper; phrases are short).
            ids = null!;
            foreach (var w in WordRules.LowerWords(lower))
            {
                var next = Run(indexFiles, Kind.Word, w, wantIds: true, ct).Ids;
                ids = ids is null ? next : IdSet.Intersect(ids, next);
            }
        }
        var match = new IdSetMatch(x.Id, ids, $"{x.Original.Op.ToString().ToLowerInvariant()} \"{x.Original.Pattern}\"");
        return x.Exact ? match : new And(match, x.Original);
    }
}
