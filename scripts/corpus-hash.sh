#!/usr/bin/env bash
# Prints, for every table of a corpus, its row count and an order-independent hash of every column (through DuckDB,
# an independent reader; file names, which carry the commit time, left out), so two builds' corpora can be compared row for row: diff the output of two runs.
# Usage: scripts/corpus-hash.sh CORPUS_DIR   (build Cql.Bench in Release first)
set -euo pipefail
dir=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
bench="$root/Cql.Bench/bin/Release/net10.0/Cql.Bench.dll"
for t in $(find "$dir" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort); do
  printf '%s\t' "$t"
  dotnet "$bench" duck --corpus "$dir" \
    "select count(*) as n, coalesce(sum(hash(COLUMNS(c -> c <> 'part'))), 0)::varchar from read_parquet('$dir/$t/*.parquet')" 2>/dev/null \
    | tail -n +2 | tr '\n' ' '
  echo
done
