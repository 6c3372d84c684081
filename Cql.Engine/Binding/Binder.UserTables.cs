using Cql.Engine.Diagnostics;
using Cql.Engine.Planning;
using Cql.Engine.Storage.Tables;
using Cql.Engine.Syntax;

namespace Cql.Engine.Binding;

public sealed partial class Binder
{
    /// <summary>read "PATH": the rows of a user's CSV or Parquet file (or folder), its columns as its header or
    /// footers give them.</summary>
    QueryState BindRead(ReadSource r)
    {
        var table = OpenUserTable(r.Path);
        return new QueryState(Scan.Of(table), false, r.Path.Value);
    }

    /// <summary>The user's table at a path, read for its schema now (kept by the catalog while the files do not
    /// change); what is wrong with it becomes a diagnostic on the path, with the file and line in the message.</summary>
    UserTable OpenUserTable(StringLiteral path)
    {
        try
        {
            return _catalog.UserTables.Open(path.Value, _catalog.PathBase ?? Directory.GetCurrentDirectory(), CancellationToken.None);
        }
        catch (UserTableException e)
        {
            var span = path.Span;
            var message = e.Message;
            throw new BindError(e.Problem switch
            {
                UserTableProblem.Missing => DiagnosticFacts.TableFileMissing(span, message),
                UserTableProblem.UnknownKind => DiagnosticFacts.TableFileKind(span, message),
                UserTableProblem.Empty => DiagnosticFacts.TableFileEmpty(span, message),
                UserTableProblem.BadHeader => DiagnosticFacts.TableFileHeader(span, message),
                UserTableProblem.Ragged => DiagnosticFacts.TableFileRagged(span, message),
                UserTableProblem.Encoding => DiagnosticFacts.TableFileEncoding(span, message),
                UserTableProblem.Quoting => DiagnosticFacts.TableFileQuoting(span, message),
                UserTableProblem.Parquet => DiagnosticFacts.TableFileParquet(span, message),
                _ => DiagnosticFacts.TableFileMismatch(span, message),
            });
        }
    }
}
