using Cql.Engine.Session;
using Cql.Engine.Storage;
using System.Text.Json.Nodes;

namespace Cql.Tests.Support;

/// <summary>
/// A corpus that shares the Parquet files of another but whose manifest hides what spares a scan: its term indexes
/// cover no rows and its value counts are gone. Queries on it give the scan's answer, to compare with the original's.
/// </summary>
public sealed class ScanOnlyCopy : IDisposable
{
    readonly TempDir _dir = new();
    public CqlSession Session { get; }

    public ScanOnlyCopy(string corpusDir)
    {
        var json = JsonNode.Parse(File.ReadAllText(CorpusManifest.PathIn(corpusDir)))!;
        var tables = json["tables"]!.AsObject();
        tables.Remove("value_counts");
        foreach (var (_, table) in tables)
            if (table!["index_of"] is not null) table["covered_rows"] = -1;
            else
            {
                // Absolute paths, so the copy reads the original files.
                var files = table["files"]!.AsArray();
                for (int i = 0; i < files.Count; i++) files[i] = Path.Combine(corpusDir, (string)files[i]!);
            }
        File.WriteAllText(CorpusManifest.PathIn(_dir.Path), json.ToJsonString());
        Session = CqlSession.Open(_dir.Path);
    }

    /// <summary>The rows (or text) of the last statement of a script.</summary>
    public static List<string> Rows(CqlSession session, string script)
    {
        List<string>? rows = null;
        foreach (var outcome in session.Run(script, CancellationToken.None))
        {
            switch (outcome)
            {
                case ErrorOutcome e: throw new Xunit.Sdk.XunitException($"cql failed on {outcome.StatementText}:\n{e.Rendered}");
                case RowsOutcome r: rows = Execution.TestCorpus.Rows(r.Rows); break;
                case TextOutcome t: rows = [.. t.Text.Split('\n')]; break;
            }
        }
        return rows ?? throw new Xunit.Sdk.XunitException($"no rows from: {script}");
    }

    public void Dispose()
    {
        Session.Dispose();
        _dir.Dispose();
    }
}
