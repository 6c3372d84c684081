using Cql.Bench;

// Cql.Bench: `suite --corpus DIR [--runs N]` compares whole processes (cql vs DuckDB) on the suite;
// `duck --corpus DIR SQL` is the DuckDB side of one run (a process of its own, like cql);
// `micro` runs the BenchmarkDotNet operator benchmarks; `inproc --corpus DIR QUERY` repeats one query in-process.
// `articles --count N --out DIR [--seed S]` writes raw articles for the ingest benchmark.
// `startup [--runs N]` times a cold `cql -c` and a cold first C# evaluation on the default corpus.
// `pages DIR COLUMN VALUE` counts what row-group statistics and the page index leave to read for COLUMN = VALUE.
// `html --pages DIR` times the HTML reader on one core; `html-pages` and `warc` write page folders and WARC files
// for the HTML ingest benchmark.
if (args.Length > 0 && args[0] == "html") return HtmlSpeed.Run(args[1..]);
if (args.Length > 0 && args[0] is "html-pages" or "warc") return PageInputs.Run(args[0], args[1..]);
// `statements --corpus DIR [--runs N]` regroups a corpus's quotes into statements, to time the grouper alone.
if (args.Length > 0 && args[0] == "pages") return PageCount.Run(args[1..]);
if (args.Length > 0 && args[0] == "articles") return ArticleGenerator.Run(args[1..]);
if (args.Length > 0 && args[0] == "startup") return StartupBench.Run(args[1..]);
if (args.Length > 0 && args[0] == "statements") return StatementBench.Run(args[1..]);
return args.Length > 0 && args[0] == "inproc"
    ? InProcessRunner.Run(args[1..])
    : args.Length > 0 && args[0] == "micro"
    ? MicroBenchmarks.Run(args[1..])
    : args.Length > 0 && args[0] == "duck"
        ? DuckRunner.Run(args[1..])
        : SuiteRunner.Run(args.Length > 0 && args[0] == "suite" ? args[1..] : args);
