using Cql.Engine.Ingest.Warc;
using Cql.Engine.Quotes;
using System.Security.Cryptography;

namespace Cql.Engine.Ingest;

/// <summary>One piece of an ingest's work: a whole input file, or a batch of a WARC file's records (with the file's
/// SHA-256, taken before its first batch so the writer knows a file already in the corpus from its first part), or a
/// WARC file the corpus already has (its SHA-256 and no batch: not read again).</summary>
sealed record IngestUnit(InputFile File, string? Sha256 = null, WarcBatch? Batch = null, long Bytes = 0)
{
    public FileWork Process(QuoteExtractor extractor, AnalysisContext context) => this switch
    {
        { Sha256: null } => FileAnalysis.Process(File, extractor, context),
        { Batch: { } batch } => FileAnalysis.ProcessWarcBatch(File, Sha256, batch, extractor, context),
        _ => new FileWork(File, "read", null, Bytes, Sha256, [], []), // the writer finds its hash in the corpus
    };
}

/// <summary>
/// The units of work of an ingest, in input order: a file as one unit, except a WARC file, which is read record by
/// record as the units are taken and handed on a batch of pages at a time — so a WARC file of any size is analysed
/// by every worker and held in memory a batch at a time (the pipeline's window of them), never whole.
/// </summary>
static class IngestUnits
{
    /// <param name="inCorpus">SHA-256 of the files the corpus already has: such a WARC file is not read again.</param>
    public static IEnumerable<IngestUnit> Of(IReadOnlyList<InputFile> files, IReadOnlySet<string> inCorpus)
    {
        foreach (var f in files)
        {
            if (!WarcInput.IsWarc(f.FullPath)) { yield return new IngestUnit(f); continue; }
            // Empty, unreadable or vanished: the whole-file path reports it as it does for any file.
            var sha = HashOf(f.FullPath, out long length);
            if (sha is not null && inCorpus.Contains(sha)) { yield return new IngestUnit(f, sha, Bytes: length); continue; }
            var opened = sha is null ? null : Open(f.FullPath);
            if (opened is null) { yield return new IngestUnit(f); continue; }
            var (records, file) = opened.Value;
            using (file)
            using (records)
            {
                var stream = new WarcRecordStream(records);
                foreach (var batch in WarcBatches.Read(stream, () => file.Position))
                    yield return new IngestUnit(f, sha, batch);
            }
        }
    }

    static string? HashOf(string path, out long length)
    {
        length = 0;
        try
        {
            // Pipes and devices have no length and are never opened (the whole-file path names them).
            var info = new FileInfo(path);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target) info = target;
            if (!info.Exists || info.Length == 0) return null;
            using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            length = s.Length;
            if (length == 0) return null;
            return Convert.ToHexStringLower(SHA256.HashData(s));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    static (Stream, FileStream)? Open(string path)
    {
        try { return WarcInput.Open(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
