#!/usr/bin/env bash
# Checks in a real terminal (tmux) what the command line does around output and ingest, as a person would see it:
# the default corpus's first build announced on the terminal, a table on the terminal but every row as TSV into a
# pipe, -o to a FIFO delivering every row and leaving the FIFO a FIFO, Ctrl+C ending a wait for a FIFO's reader,
# charts drawn in text (bars and braille, colours off with NO_COLOR, rows into a pipe), and ingest's progress bar
# with its rate and time left.
# Usage: scripts/output-tmux-check.sh   (needs tmux and mkfifo; builds cql first; exit 0 when every check passes)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { echo "tmux is not installed" >&2; exit 2; }
dotnet build -v q -c Release Cql.Repl >/dev/null
dotnet build -v q -c Release Cql.Bench >/dev/null
work=$(mktemp -d)
session="cql-output-check-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
cql="env CQL_CACHE_DIR=$work/cache dotnet $PWD/Cql.Repl/bin/Release/net10.0/cql.dll"
tmux new-session -d -s "$session" -x 160 -y 45 "bash --norc"

source scripts/tmux-lib.sh

send "$cql -c 'docs | select doc_id, lang | order by doc_id'; echo DONE1" Enter
wait_for '^DONE1' 120
screen | grep -q 'cql: first use of this build: ingesting the 5 seed articles' && ok "first build of the default corpus is announced" \
  || { echo "FAIL: no first-use notice" >&2; exit 1; }
screen | grep -Eq '^doc_id +lang$' && ok "a table on the terminal" || { echo "FAIL: no table" >&2; exit 1; }

send "$cql -c tokens | wc -l > $work/lines; $cql -c 'tokens | count' --format csv | tail -1 > $work/count; echo DONE2" Enter
wait_for '^DONE2'
[[ $(cat "$work/lines") == $(( $(cat "$work/count") + 1 )) ]] && ok "into a pipe: every token row and a header ($(cat "$work/lines") lines)" \
  || { echo "FAIL: $(cat "$work/lines") lines for $(cat "$work/count") tokens" >&2; exit 1; }

mkfifo "$work/fifo"
send "(wc -l < $work/fifo > $work/fifo-lines &); $cql -c tokens -o $work/fifo; sleep 0.5; echo DONE3" Enter
wait_for '^DONE3'
[[ $(cat "$work/fifo-lines") == $(cat "$work/lines") && -p "$work/fifo" ]] && ok "-o FIFO: the reader got every row, the FIFO is still a FIFO" \
  || { echo "FAIL: the FIFO's reader got $(cat "$work/fifo-lines") lines" >&2; exit 1; }

send "$cql -c docs -o $work/fifo; echo EXIT=\$?" Enter
sleep 3
send C-c
wait_for '^EXIT=3' 10; ok "Ctrl+C ends the wait for a FIFO's reader (exit 3)"

send "clear; $cql -c 'quotes | count by speaker | chart bar title \"Who is quoted\"'; echo DONE5" Enter
wait_for '^DONE5'
screen | grep -Eq '^ +Who is quoted$' && screen | grep -Eq '^speaker +┬ count$' && screen | grep -Eq '^Xi Jinping +│█+[▏▎▍▌▋▊▉]? [0-9]+$' \
  && ok "a bar chart on the terminal: title, axis labels, a bar of blocks per speaker" || { echo "FAIL: no bar chart" >&2; screen | tail -20 >&2; exit 1; }
tmux capture-pane -t "$session" -p -e | grep -q $'\e\\[34m█' && ok "the chart's series in colour on a colour terminal" \
  || { echo "FAIL: no colour in the chart" >&2; exit 1; }

send "clear; NO_COLOR=1 $cql -c 'quotes | count by bucket(doc.date, month) as month | chart line'; echo DONE6" Enter
wait_for '^DONE6'
screen | LC_ALL=C grep -qaP '\xe2[\xa0-\xa3]' && screen | grep -Eq '^ +2022-06$' && screen | grep -Eq 'month +\(count on the left\)' \
  && screen | grep -q '^(1 row without month left out)$' && ok "a line chart in braille with its period on the x axis" \
  || { echo "FAIL: no line chart" >&2; screen | tail -20 >&2; exit 1; }
tmux capture-pane -t "$session" -p -e | grep -q $'\e\\[3[1-6]m' && { echo "FAIL: colours despite NO_COLOR" >&2; exit 1; }
ok "NO_COLOR: the chart has no colours"

send "clear; $cql -c 'quotes | count by speaker | chart bar' | head -3 > $work/chart-rows; echo DONE7" Enter
wait_for '^DONE7'
grep -Pq '^speaker\tcount$' "$work/chart-rows" && grep -Pq '^Xi Jinping\t[0-9]+$' "$work/chart-rows" && ok "into a pipe a chart stage gives its rows as TSV" \
  || { echo "FAIL: no rows into the pipe: $(cat "$work/chart-rows")" >&2; exit 1; }

dotnet Cql.Bench/bin/Release/net10.0/Cql.Bench.dll articles --count 3000 --out "$work/articles" >/dev/null
send "$cql ingest $work/articles --out $work/corpus -j 1" Enter
wait_for '[0-9.]+ MB/s, (ETA [0-9:]+|finishing)' 120; ok "the progress bar shows the rate and the time left"
wait_for '^ingest: [0-9]+ files: .* records: ' 300; ok "ingest's summary accounts for the records"
