using Cql.Engine.Ingest;
using Cql.Engine.Session;

namespace Cql.Tests.Support;

/// <summary>Three small English articles whose quotes are known, ingested once per test class: Xi and Trump in the
/// first, Trump twice in the second, an unnamed observer in the third. For the query forms that relate rows
/// (semi-joins, joins, top-N per group, navigation).</summary>
public sealed class SmallNewsCorpus : IAsyncLifetime
{
    readonly TempDir _dir = new();

    public CqlSession Session { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _dir.Write("in/a.txt", "Summit talks\n\n\"We will talk again,\" Xi Jinping said on Monday.\n\n\"It was a great meeting,\" Donald Trump said.\n");
        _dir.Write("in/b.txt", "Rally\n\n\"We will win big,\" Donald Trump said at the rally.\n\n\"Nobody does it better,\" Donald Trump said.\n");
        _dir.Write("in/c.txt", "Notes\n\n\"Nobody knows what comes next,\" one observer said.\n");
        await Ingestor.RunAsync(new IngestOptions([_dir.File("in")], _dir.File("corpus")), null, CancellationToken.None);
        Session = CqlSession.Open(_dir.File("corpus"));
    }

    public Task DisposeAsync()
    {
        Session.Dispose();
        _dir.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The rows of the script's last statement, a line each, cells joined by '|'.</summary>
    public List<string> Rows(string script) => ScanOnlyCopy.Rows(Session, script);
}
