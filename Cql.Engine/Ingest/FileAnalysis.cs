using Cql.Engine.Ingest.Warc;
using Cql.Engine.Quotes;
using Cql.Engine.Text;
using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Cql.Engine.Ingest;

/// <summary>One analysed article: everything the writer needs, computed off the writing thread. Words and Norms are
/// the strings of Tokens, made by the worker so the writer only copies references. The three token arrays are rented
/// from the shared pools (their first <paramref name="TokenCount"/> entries are the document's) and go back with
/// <see cref="ReturnTokenArrays"/> once the writer has copied them: they lived from analysis to writing, long enough
/// for the collector to promote ~135 MB of them for 10,000 articles.</summary>
sealed record ArticleWork(RawArticle Raw, AnalyzedDocument Doc, string ContentHash, QuoteExtraction Extraction,
    TextRange[] Tokens, int[] TokensPerSentence, string[] Words, string[] Norms, int TokenCount)
{
    /// <summary>Gives the token arrays back to their pools; the article must not be written after this.</summary>
    public void ReturnTokenArrays()
    {
        // The pool keeps no strings alive: only the used entries hold any.
        Array.Clear(Words, 0, TokenCount);
        Array.Clear(Norms, 0, TokenCount);
        ArrayPool<string>.Shared.Return(Words);
        ArrayPool<string>.Shared.Return(Norms);
        ArrayPool<TextRange>.Shared.Return(Tokens);
    }
}

/// <summary>What became of one input file: read (with its articles), skipped or failed, and why. A WARC file comes
/// in parts, a batch of its records each, in order: all but the last are not <paramref name="Complete"/>, and the
/// last carries the tally of its records (<paramref name="Warc"/>).</summary>
sealed record FileWork(InputFile File, string Status, string? Reason, long Bytes, string Sha256, List<ArticleWork> Articles,
    IReadOnlyList<string> SkippedRecords, IReadOnlyList<string>? Notes = null, int NotPages = 0, bool Complete = true, WarcTally? Warc = null);

/// <summary>An ingest worker's job: one input file read, decoded, split into articles and each analysed, with the
/// worker's own <see cref="AnalysisContext"/>.</summary>
static class FileAnalysis
{
    /// <summary>Files larger than this are not read whole into memory (with the others in the window).</summary>
    const long MaxFileBytes = 256L << 20;

    public static FileWork Process(InputFile file, QuoteExtractor extractor, AnalysisContext context)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(file.FullPath);
            // A link is measured by what it points to.
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target) info = target;
            if (!info.Exists) return new(file, "failed", "not readable: it is a link to nothing", 0, "", [], []);
            var len = info.Length;
            // Pipes, sockets and devices have no length: they are never opened (reading a pipe would wait forever).
            if (len == 0) return new(file, "skipped", "empty file (0 bytes)", 0, "", [], []);
            if (len > MaxFileBytes)
                return new(file, "skipped", $"larger than {MaxFileBytes >> 20} MB", len, "", [], []);
            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(file, "failed", "not readable: " + e.Message, 0, "", [], []);
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var read = ArticleReader.Read(file, bytes);
        if (read.SkipReason is not null) return new(file, "skipped", read.SkipReason, bytes.Length, sha, [], read.SkippedRecords, read.Notes, read.NotPages);
        var articles = new List<ArticleWork>(read.Articles.Count);
        foreach (var raw in read.Articles) articles.Add(Analyze(raw, extractor, context));
        return new(file, "read", null, bytes.Length, sha, articles, read.SkippedRecords, read.Notes, read.NotPages);
    }

    /// <summary>A batch of a WARC file's pages, extracted and analysed; the file's last batch completes it.</summary>
    public static FileWork ProcessWarcBatch(InputFile file, string sha256, WarcBatch batch, QuoteExtractor extractor, AnalysisContext context)
    {
        var raws = new List<RawArticle>(batch.Pages.Count);
        var skipped = new List<string>();
        var notes = new List<string>();
        WarcFileReader.Extract(batch, file.Source, raws, skipped, notes);
        var articles = new List<ArticleWork>(raws.Count);
        foreach (var raw in raws) articles.Add(Analyze(raw, extractor, context));
        // A file none of whose records is a page is skipped whole (its only batch is its last).
        if (batch.End is { Pages: 0 } tally)
            return new(file, "skipped", WarcInput.NoPages, batch.InputBytes, sha256, [], [], tally.Notes(file.Source, 0), tally.NotPages);
        return new(file, "read", null, batch.InputBytes, sha256, articles, skipped, notes, batch.End?.NotPages ?? 0, batch.End is not null, batch.End);
    }

    static ArticleWork Analyze(RawArticle raw, QuoteExtractor extractor, AnalysisContext context)
    {
        // Analysis begins the worker's pool on the document: language identification takes its words first, and the
        // quote tokenizer and the tokens table below find most of them again by position.
        var doc = DocumentAnalyzer.Analyze(raw, context);
        var pool = context.Words;
        var extraction = extractor.Extract(doc, context.Quotes);
        var tokens = context.TokenRanges();
        var perSentence = new int[doc.Sentences.Count];
        for (int s = 0; s < doc.Sentences.Count; s++)
        {
            int before = tokens.Count;
            Tokenizer.Tokenize(doc.Text, doc.Sentences[s].Range, tokens);
            perSentence[s] = tokens.Count - before;
        }
        // Pooled strings: the same as Slice and Tokenizer.Normalize, one instance per distinct word.
        int count = tokens.Count;
        var ranges = ArrayPool<TextRange>.Shared.Rent(count);
        CollectionsMarshal.AsSpan(tokens).CopyTo(ranges);
        var words = ArrayPool<string>.Shared.Rent(count);
        var norms = ArrayPool<string>.Shared.Rent(count);
        for (int t = 0; t < count; t++)
            (words[t], norms[t]) = pool.Get(doc.Text, ranges[t].Start, ranges[t].End);
        var hash = ContentHash(doc.Text);
        return new ArticleWork(raw, doc, hash, extraction, ranges, perSentence, words, norms, count);
    }

    /// <summary>SHA-256 of the text's UTF-8 bytes, in hex, encoded into a pooled buffer.</summary>
    static string ContentHash(string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount(text.Length));
        int n = System.Text.Encoding.UTF8.GetBytes(text, buffer);
        var hash = Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, n)));
        ArrayPool<byte>.Shared.Return(buffer);
        return hash;
    }
}
