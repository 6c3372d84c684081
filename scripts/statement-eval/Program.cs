using StatementEval;

// dotnet run --project scripts/statement-eval -c Release -- DIR [--gold FILE] [--show] [--lost]
// DIR holds articles (*.txt) and statements.tsv (doc<TAB>text<TAB>speaker<TAB>statement_id); --gold reads the
// annotation from another file (the seeds' gold lives in Cql.Tests beside articles that live in corpora/seeds);
// --show prints each gold report with the statement_id it was given and the quote it matched (kind, speaker, text),
// to see which pairs went wrong and whether extraction or grouping lost them; --lost sorts the pairs predicted apart
// by cause (LostPairs).
if (args.Length == 0 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: statement-eval DIR [--gold FILE] [--show] [--lost]");
    return 2;
}
var dir = args[0];
int g = Array.IndexOf(args, "--gold");
var goldPath = g >= 0 && g + 1 < args.Length ? args[g + 1] : Path.Combine(dir, "statements.tsv");
var work = Path.Combine(Path.GetTempPath(), "statement-eval-" + Guid.NewGuid().ToString("N")[..8]);
try
{
    var gold = StatementScorer.ReadGold(goldPath);
    var s = await StatementScorer.ScoreAsync(dir, gold, work);
    Console.WriteLine($"{dir}: {s.Reports} gold reports, {s.Matched} matched to an extracted quote");
    Console.WriteLine("pairs           true  predicted  correct  precision  recall");
    foreach (var (name, p) in new[] { ("within language", s.Within), ("across languages", s.Across), ("all", s.All) })
        Console.WriteLine($"{name,-16}{p.TruePairs,5}{p.PredictedPairs,11}{p.Correct,9}{p.Precision,11:F3}{p.Recall,8:F3}");
    if (args.Contains("--show"))
        for (int i = 0; i < gold.Count; i++)
        {
            var m = s.Predicted[i];
            Console.WriteLine($"{gold[i].Statement}\t{m?.Statement?.ToString() ?? "-"}\t{gold[i].Doc}\t{gold[i].Speaker}\t{gold[i].Text}");
            if (m is not null) Console.WriteLine($"\t\t  {m.Kind} {m.Lang} [{m.Speaker ?? "-"}] {m.Text}");
        }
    if (args.Contains("--lost")) LostPairs.Print(gold, s, Console.Out);
    return 0;
}
catch (Exception e) when (e is FormatException or IOException or Cql.Engine.Storage.CorpusException)
{
    Console.Error.WriteLine("statement-eval: " + e.Message);
    return 3;
}
finally
{
    if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
}
