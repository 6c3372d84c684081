using Cql.Engine.Ingest;
using Cql.Engine.Session;

namespace Cql.Tests.Support;

/// <summary>The three articles of <see cref="SmallNewsCorpus"/> as a JSONL feed that names each one's outlet (NRK:
/// Xi and Trump; SVT: Trump twice; a blog: an unnamed observer), and a folder beside it for the user's own table
/// files, which the session reads relative paths against.</summary>
public sealed class OutletNewsCorpus : IAsyncLifetime
{
    readonly TempDir _dir = new();

    public CqlSession Session { get; private set; } = null!;

    /// <summary>The folder relative paths of read "PATH" resolve in.</summary>
    public string Files => _dir.File("files");

    public async Task InitializeAsync()
    {
        _dir.Write("in/news.jsonl", string.Join('\n',
            """{"outlet": "NRK", "text": "Summit talks\n\n\"We will talk again,\" Xi Jinping said on Monday.\n\n\"It was a great meeting,\" Donald Trump said."}""",
            """{"outlet": "SVT", "text": "Rally\n\n\"We will win big,\" Donald Trump said at the rally.\n\n\"Nobody does it better,\" Donald Trump said."}""",
            """{"outlet": "Blog", "text": "Notes\n\n\"Nobody knows what comes next,\" one observer said."}""") + "\n");
        await Ingestor.RunAsync(new IngestOptions([_dir.File("in")], _dir.File("corpus")), null, CancellationToken.None);
        Directory.CreateDirectory(Files);
        Session = CqlSession.Open(_dir.File("corpus"));
        Session.Catalog.PathBase = Files;
    }

    /// <summary>Writes a file under <see cref="Files"/> (folders made as needed); returns its full path.</summary>
    public string Write(string relative, string text) => Write(relative, System.Text.Encoding.UTF8.GetBytes(text));

    public string Write(string relative, byte[] bytes)
    {
        var path = Path.Combine(Files, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public Task DisposeAsync()
    {
        Session.Dispose();
        _dir.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The rows of the script's last statement, a line each, cells joined by '|'.</summary>
    public List<string> Rows(string script) => ScanOnlyCopy.Rows(Session, script);

    /// <summary>Runs a script for what it does (a let, an export); fails on any error.</summary>
    public void Exec(string script)
    {
        foreach (var outcome in Session.Run(script, CancellationToken.None))
        {
            if (outcome is ErrorOutcome e) throw new Xunit.Sdk.XunitException($"cql failed on {outcome.StatementText}:\n{e.Rendered}");
            if (outcome is RowsOutcome r) r.Rows.Dispose();
        }
    }

    /// <summary>The error the script's first failing statement gives.</summary>
    public ErrorOutcome Error(string script)
    {
        foreach (var outcome in Session.Run(script, CancellationToken.None))
        {
            if (outcome is ErrorOutcome e) return e;
            if (outcome is RowsOutcome r) r.Rows.Dispose();
        }
        throw new Xunit.Sdk.XunitException($"no error from: {script}");
    }
}
