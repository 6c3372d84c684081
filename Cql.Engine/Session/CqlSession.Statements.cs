namespace Cql.Engine.Session;

public sealed partial class CqlSession
{
    /// <summary>Runs each statement of <paramref name="script"/> in order. TEMPORARY: the query language is being
    /// written; until then every statement reports that.</summary>
    public IEnumerable<StatementOutcome> Run(string script, CancellationToken ct)
    {
        LastQuery = script;
        yield return new ErrorOutcome(script, "error: the query language is not built yet", IsRuntime: false);
    }
}
