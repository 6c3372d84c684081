namespace Cql.Engine.Ingest;

/// <summary>What `cql ingest` was asked to do.</summary>
/// <param name="Replace">Rebuild an existing corpus from scratch instead of refusing.</param>
/// <param name="AliasesPath">Gazetteer file; null = corpora/aliases.tsv shipped in the engine.</param>
/// <param name="CheckpointEvery">Commit what is done at least this often, so an interrupted ingest keeps its work
/// (re-run it with --append to finish); null: every 60 seconds.</param>
public sealed record IngestOptions(
    IReadOnlyList<string> Inputs,
    string OutDir,
    bool Append = false,
    bool Replace = false,
    string? AliasesPath = null,
    int? Parallelism = null,
    TimeSpan? CheckpointEvery = null);

/// <summary>Progress of an ingest, for a progress bar.</summary>
public readonly record struct IngestProgress(int FilesDone, int FilesTotal, long BytesDone, long BytesTotal, int Docs);

/// <summary>The outcome of one input file, as the summary reports it.</summary>
public sealed record IngestFileOutcome(string Source, string Status, int Docs, string? Reason);

/// <summary>The summary that accounts for every input: each file read, skipped (and why) or failed (and why), and in
/// the files read each record either a document, one of SkippedRecords (where it is and why), or one of a WARC
/// file's RecordsNotPages (requests, metadata, non-HTML responses: Notes count them by kind). Notes also name what
/// was unusual about an input that was read all the same (a wrong charset declaration, a file cut off).</summary>
public sealed record IngestSummary(
    IReadOnlyList<IngestFileOutcome> Files,
    IReadOnlyList<string> SkippedRecords,
    IReadOnlyList<(string Input, string Problem)> InputProblems,
    int DocsAdded, int QuotesAdded, int SentencesAdded, long BytesRead, TimeSpan Elapsed, int DocsInCorpus,
    IReadOnlyList<string>? Notes = null, int RecordsNotPages = 0)
{
    public int FilesRead => Files.Count(f => f.Status == "read");
    public int FilesSkipped => Files.Count(f => f.Status == "skipped");
    public int FilesFailed => Files.Count(f => f.Status == "failed");
    public int RecordsRead => DocsAdded + SkippedRecords.Count + RecordsNotPages;
}
