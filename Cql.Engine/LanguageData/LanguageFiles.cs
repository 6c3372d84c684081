using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Cql.Engine.LanguageData;

/// <summary>One line of a language data file: its language ("*" for every language), its kind and its entries.</summary>
internal sealed record LanguageRow(string Lang, string Kind, ImmutableArray<string> Entries);

/// <summary>
/// The one reader of the per-language data files (LanguageData/*.tsv, embedded in the engine; README.md there lists
/// them). Every file has one shape, LANG &lt;TAB&gt; KIND &lt;TAB&gt; ENTRY | ENTRY …, so one parser serves all, and
/// the languages are whatever codes the files hold: adding a language is adding rows, not code. All files are parsed
/// once, on first use, into immutable rows; each consumer builds its own lookup from them once.
/// </summary>
internal static class LanguageFiles
{
    /// <summary>The language code of rows that hold in every language.</summary>
    public const string AnyLanguage = "*";

    const string ResourcePrefix = "Cql.Engine.LanguageData.";

    static readonly Lazy<FrozenDictionary<string, ImmutableArray<LanguageRow>>> Files = new(LoadAll);

    /// <summary>The data files the engine was built with ("lexicon.tsv", "calendar.tsv", …).</summary>
    public static IEnumerable<string> FileNames => Files.Value.Keys;

    /// <summary>The rows of one file, in file order (order matters where a later row overrides an earlier one).</summary>
    public static ImmutableArray<LanguageRow> Rows(string file) =>
        Files.Value.TryGetValue(file, out var rows) ? rows
            : throw new InvalidOperationException($"the engine was built without its language data file {file}");

    /// <summary>The language codes the files have rows for, "*" aside, in ordinal order.</summary>
    public static IReadOnlyList<string> Languages => Codes.Value;

    static readonly Lazy<string[]> Codes = new(() =>
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var rows in Files.Value.Values)
            foreach (var row in rows)
                if (row.Lang != AnyLanguage) codes.Add(row.Lang);
        return [.. codes];
    });

    /// <summary>The entries of one kind in every language, in file order, each once.</summary>
    public static string[] Entries(string file, string kind)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var row in Rows(file))
            if (row.Kind == kind)
                foreach (var e in row.Entries)
                    if (seen.Add(e)) result.Add(e);
        return [.. result];
    }

    static FrozenDictionary<string, ImmutableArray<LanguageRow>> LoadAll()
    {
        var assembly = typeof(LanguageFiles).Assembly;
        var files = new Dictionary<string, ImmutableArray<LanguageRow>>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal)) continue;
            var file = resource[ResourcePrefix.Length..];
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            files[file] = Parse(reader, file);
        }
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>A file of regular-expression alternatives, one a row (boilerplate-patterns.tsv, date-patterns.tsv).</summary>
    static bool IsPatternFile(string file) => file.EndsWith("-patterns.tsv", StringComparison.Ordinal);

    /// <summary>The patterns of one kind in a -patterns file, in file order, joined as the alternatives of one regex
    /// group: "anzeige|werbung|…". The rule's own pattern around them stays in code.</summary>
    public static string Alternation(string file, string kind)
    {
        if (!IsPatternFile(file)) throw new ArgumentException($"{file} holds words, not patterns", nameof(file));
        var patterns = new List<string>();
        foreach (var row in Rows(file))
            if (row.Kind == kind) patterns.Add(row.Entries[0]);
        if (patterns.Count == 0) throw new InvalidOperationException($"{file} has no patterns of kind {kind}");
        return string.Join('|', patterns);
    }

    /// <summary>Reads LANG, KIND and the '|'-separated entries of each line (a -patterns file: the whole column); blank lines and lines starting with '#'
    /// are comments. A line with fewer than three fields is a mistake in the file, not something to skip.</summary>
    internal static ImmutableArray<LanguageRow> Parse(TextReader reader, string file)
    {
        var rows = ImmutableArray.CreateBuilder<LanguageRow>();
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 3 || f[0].Length == 0 || f[1].Length == 0)
                throw new FormatException($"{file}, line {lineNumber}: expected LANG <TAB> KIND <TAB> ENTRY | ENTRY …");
            // A regular expression's "|" is its own: a -patterns file keeps the column whole.
            string[] entries = IsPatternFile(file) ? [f[2].Trim()]
                : f[2].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            rows.Add(new LanguageRow(f[0], f[1], [.. entries]));
        }
        return rows.ToImmutable();
    }
}
