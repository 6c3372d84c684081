#!/usr/bin/env bash
# Drives the interactive REPL in a real terminal (tmux), as the REPL issue's "done when" describes, and checks
# what a person would see: the mission query, recall with Up, a mistyped column answered with a caret and a
# suggestion without leaving, a C# count equal to the language's, Ctrl+C stopping a statement that would never
# end, Ctrl+D leaving.
# Usage: scripts/repl-tmux-check.sh   (needs tmux; builds cql first; exit 0 when every check passes)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { echo "tmux is not installed" >&2; exit 2; }
dotnet build -v q Cql.Repl >/dev/null
state=$(mktemp -d)
session="cql-check-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$state"' EXIT
tmux new-session -d -s "$session" -x 160 -y 50 \
  "env CQL_CACHE_DIR=$PWD/.cql-cache XDG_STATE_HOME=$state dotnet Cql.Repl/bin/Debug/net10.0/cql.dll; sleep 30"

screen() { tmux capture-pane -t "$session" -p -S -200; }
# wait_for PATTERN [SECONDS]: until the screen shows PATTERN (an extended regex).
wait_for() {
  local deadline=$((SECONDS + ${2:-60}))
  until screen | grep -Eq -- "$1"; do
    if (( SECONDS > deadline )); then echo "FAIL: never saw /$1/" >&2; screen | tail -30 >&2; exit 1; fi
    sleep 0.3
  done
}
# count PATTERN: how many lines of the screen match; wait_more PATTERN N: until more than N do (new output only).
count() { screen | grep -Ec -- "$1" || true; }
wait_more() {
  local deadline=$((SECONDS + ${3:-60}))
  until (( $(count "$1") > $2 )); do
    if (( SECONDS > deadline )); then echo "FAIL: no new /$1/" >&2; screen | tail -30 >&2; exit 1; fi
    sleep 0.3
  done
}
ok() { echo "ok - $1"; }
send() { tmux send-keys -t "$session" "$@"; }

wait_for '^cql>' 120; ok "prompt"
send 'quotes where speaker = "Xi" and lang in (sv, de)' Enter
wait_for '^\([0-9,]+ rows?, [0-9]+ ms\)'; ok "mission query shows a table with its row count and time"
send Up; sleep 0.5
[[ $(screen | grep -E '^cql> ' | tail -1) == 'cql> quotes where speaker = "Xi" and lang in (sv, de)' ]] || { echo "FAIL: Up did not recall the query" >&2; exit 1; }
ok "Up recalls the last statement"
send C-u 'quotes where speker = "Xi"' Enter
wait_for "did you mean 'speaker'"; wait_for '\^\^\^\^\^\^'; ok "a mistyped column gets a caret and a suggestion"
n=$(count '^\(1 row'); send 'quotes where lang = de | count' Enter
wait_more '^\(1 row' "$n"
want=$(screen | grep -B1 '^(1 row' | tail -2 | head -1 | tr -d ' ')
[[ $want =~ ^[0-9]+$ ]] || { echo "FAIL: no count in the language's answer: '$want'" >&2; exit 1; }
n=$(count '^cql> > Quotes')
# A person reads the answer before typing C#; Roslyn warms in the background meanwhile.
sleep 5
started=$(date +%s.%N)
send '> Quotes.Count(q => q.Lang == "de")' Enter
wait_more '^cql> > Quotes' "$n"
wait_for "^cql> > Quotes.Count.*" 5
got=""; deadline=$((SECONDS + 30))
until [[ -n $got ]]; do
  got=$(screen | grep -A1 '^cql> > Quotes.Count' | tail -1 | tr -d ' ')
  [[ $got =~ ^[0-9]+$ ]] || got=""
  (( SECONDS < deadline )) || { echo "FAIL: the C# line printed no number" >&2; screen | tail -20 >&2; exit 1; }
  sleep 0.3
done
[[ $got == "$want" ]] || { echo "FAIL: C# says $got, the language $want" >&2; exit 1; }
took=$(echo "$(date +%s.%N) - $started" | bc)
ok "the C# count equals the language's ($want); the first C# line answered in ${took%??????} s (Roslyn warmed while typing)"
# A statement that never ends on its own: Ctrl+C must bring the prompt back.
n=$(count '^cancelled'); send '> while (true) { }' Enter; sleep 1; send C-c
wait_more '^cancelled' "$n"
n=$(count '^\(1 row'); send 'docs | count' Enter; wait_more '^\(1 row' "$n"; ok "Ctrl+C stops a running statement and the session goes on"
send C-d; sleep 1
tmux list-panes -t "$session" -F '#{pane_current_command}' | grep -qv dotnet && ok "Ctrl+D leaves"
[[ -s "$state/cql/history" ]] && ok "history kept in \$XDG_STATE_HOME/cql/history"
echo "all checks passed"
