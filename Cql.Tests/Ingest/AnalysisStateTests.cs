using Cql.Engine.Core;
using Cql.Engine.Ingest;
using Cql.Engine.Language;
using Cql.Engine.Quotes;
using Cql.Engine.Text;
using System.Reflection;

namespace Cql.Tests.Ingest;

/// <summary>Analysis keeps its state where a signature shows it (a worker's <see cref="AnalysisContext"/>): no hidden
/// per-thread caches, and a context reused from document to document gives what a fresh one gives.</summary>
public sealed class AnalysisStateTests
{
    static readonly string[] AnalysisNamespaces = ["Cql.Engine.Text", "Cql.Engine.Language", "Cql.Engine.Quotes", "Cql.Engine.Ingest"];

    static bool InAnalysis(Type t) =>
        t == typeof(WordRules) || t.Namespace is { } ns && AnalysisNamespaces.Any(a => ns == a || ns.StartsWith(a + ".", StringComparison.Ordinal));

    [Fact]
    public void No_analysis_type_keeps_a_thread_static_field()
    {
        var types = typeof(AnalysisContext).Assembly.GetTypes().Where(InAnalysis).ToList();
        // The namespaces exist (a rename must not make this test pass by finding nothing).
        foreach (var ns in AnalysisNamespaces) Assert.Contains(types, t => t.Namespace == ns);
        const BindingFlags statics = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var threadStatic = types
            .SelectMany(t => t.GetFields(statics).Where(f => f.IsDefined(typeof(ThreadStaticAttribute))).Select(f => $"{t.FullName}.{f.Name}"))
            .ToList();
        Assert.True(threadStatic.Count == 0,
            "state a signature cannot show belongs in AnalysisContext (or a buffer the caller passes): " + string.Join(", ", threadStatic));
    }

    [Fact]
    public void A_context_reused_across_documents_gives_what_a_fresh_context_gives()
    {
        var dir = Path.Combine(Support.RepoPaths.Root, "Cql.Tests", "Quotes", "Articles");
        var extractor = new QuoteExtractor(Gazetteer.Default);
        var reused = new AnalysisContext();
        static string Render(AnalyzedDocument d, QuoteExtraction e) =>
            string.Join('\n', d.Sentences.Select(s => $"{s.Range}|{s.Lang}"))
            + string.Join('\n', e.Quotes.Select(q => $"{q.Range}|{q.Speaker}|{q.Cue}|{q.Via}|{q.Kind}|{q.Lang}"));
        foreach (var file in Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal))
        {
            var article = new RawArticle(Path.GetFileName(file), File.ReadAllText(file), "utf-8");
            var fresh = new AnalysisContext();
            var expectedDoc = DocumentAnalyzer.Analyze(article, fresh);
            var expected = Render(expectedDoc, extractor.Extract(expectedDoc, fresh.Quotes));
            var doc = DocumentAnalyzer.Analyze(article, reused);
            Assert.Equal(expected, Render(doc, extractor.Extract(doc, reused.Quotes)));
        }
    }

    [Fact]
    public void Words_read_for_one_text_stay_when_another_text_is_read_with_the_same_cache()
    {
        var model = LanguageModel.Default;
        var cache = new LanguageWorkspace();
        const string first = "Regjeringen vil styrke forsvaret, sier statsministeren.";
        var words = model.ReadWords(first, cache, new WordScorer.TextWords());
        model.ReadWords("Das ist ein ganz anderer Text auf Deutsch.", cache, new WordScorer.TextWords());
        Assert.Same(first, words.Text);
        Assert.Equal(model.Identify(first, LanguageGuess.Unknown), model.Identify(words, 0, first.Length, LanguageGuess.Unknown));
    }
}
