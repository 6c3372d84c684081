#!/usr/bin/env bash
# Drives the interactive REPL in a real terminal (tmux), as the REPL issue's "done when" describes, and checks
# what a person would see: the mission query, recall with Up, a mistyped column answered with a caret and a
# suggestion without leaving, a C# count equal to the language's, Ctrl+C stopping a statement that would never
# end, Ctrl+D leaving; then the REPL-issue additions: a '|' line continuing the statement before, C# over lines,
# Ctrl+C on a C# loop stopping the CPU, completion after `count by` offering only columns, full text wrapped and
# paged, :mode line, the "did you mean" note under an empty result.
# Usage: scripts/repl-tmux-check.sh   (needs tmux; builds cql first; exit 0 when every check passes)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { echo "tmux is not installed" >&2; exit 2; }
dotnet build -v q Cql.Repl >/dev/null
state=$(mktemp -d)
session="cql-check-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$state"' EXIT
tmux new-session -d -s "$session" -x 160 -y 45 \
  "env CQL_CACHE_DIR=$PWD/.cql-cache XDG_STATE_HOME=$state dotnet Cql.Repl/bin/Debug/net10.0/cql.dll; sleep 30"

source scripts/tmux-lib.sh

wait_for '^cql>' 120; ok "prompt"
# The first checks read results off the screen: no pager until the paging check.
send ':pager off' Enter
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

# A line starting with '|' continues the statement before it (grammar.md's next-line rule).
send 'quotes where lang = de' Enter; sleep 2
n=$(count '^\(continues: '); send '| count by speaker' Enter; wait_more '^\(continues: quotes where lang = de \| count by speaker\)' "$n"
wait_for '^speaker +count'; ok "a line starting with '|' continues the statement before"
# C# over several lines: the method's braces keep the line open.
send '> int Words(string s) {' Enter; sleep 0.5; send 'return s.Split(" ").Length; }' Enter; sleep 3
send '> Words("one two three four")' Enter; wait_for '^4$' 30
screen | grep -q CS1513 && { echo "FAIL: CS1513 on a multi-line method" >&2; exit 1; }
ok "C# continues over lines while a brace is open"
# Ctrl+C on an endless C# loop: the prompt comes back and the process stops using CPU.
pid=$(pgrep -P "$(tmux list-panes -t "$session" -F '#{pane_pid}')" | head -1)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
n=$(count '^cancelled'); send '> while (true) { }' Enter; sleep 1.5; send C-c; wait_more '^cancelled' "$n" 10
sleep 0.5; a=$(cpu); sleep 1; b=$(cpu)
(( b - a < 20 )) || { echo "FAIL: CPU still growing after Ctrl+C ($a -> $b ticks)" >&2; exit 1; }
ok "Ctrl+C on a C# loop returns to the prompt and the CPU time stops growing ($a -> $b ticks in 1 s)"
# Completion after `count by ` lists only columns.
send C-l 'quotes | count by ' Tab; sleep 0.5; send Tab; sleep 1
# The listing may wrap: join the two lines around 'speaker_text'.
line=$(screen | grep -B1 -F 'speaker_text' | tail -2 | tr -d '\n' || true)
[[ $line == *doc.* && $line == *speaker* ]] || { echo "FAIL: no columns offered after count by" >&2; screen | tail -10 >&2; exit 1; }
grep -Eqw 'where|docs|explain' <<<"$line" && { echo "FAIL: completion after count by offers non-columns: $line" >&2; exit 1; }
ok "completion after 'count by ' offers only columns"
send C-u; sleep 0.3
# Completion on a C# line comes from Roslyn: a record's properties after the lambda's parameter.
send C-l '> Quotes.Where(q => q.SpeakerT' Tab; sleep 3
screen | grep -q 'q\.SpeakerText' || { echo "FAIL: Tab on a C# member did not complete to SpeakerText" >&2; screen | tail -5 >&2; exit 1; }
ok "Tab on a C# line completes a record's property from Roslyn"
send C-u; sleep 0.3
# .Dump() prints a value where it stands and returns it.
send '> Quotes.Where(q => q.Lang == "de").Dump("dumped here").Count()' Enter; wait_for '^dumped here' 30; wait_for '^[0-9]+$' 10
ok ".Dump() prints a sequence as a table inside a C# line and the line goes on"
# Long text is wrapped to the width, not cut, and paged (less keeps the text on screen after q).
# (Each line is sent on its own: keys that arrive together are a paste, read as one script.)
send ':pager on' Enter; sleep 0.5; send 'quotes | select speaker, text' Enter; sleep 3
screen | grep -Eq '^ {10,}[[:alpha:]]' || { echo "FAIL: no wrapped continuation line" >&2; screen | tail -20 >&2; exit 1; }
screen | grep -v '^$' | tail -1 | grep -Eq '^:|lines|END' || { echo "FAIL: no pager at the bottom" >&2; screen | tail -3 >&2; exit 1; }
ok "a tall result with long text is wrapped to the width and paged"
send q; sleep 1
send ':mode line' Enter; sleep 0.5; send 'quotes | limit 1' Enter; wait_for '^── row 1'; wait_for '^speaker +=' 5; ok ":mode line shows one field a line"
send ':mode table' Enter; sleep 0.5
send 'quotes where lang = DE' Enter; wait_for 'did you mean lang = de\?'; ok "a value in the wrong case gets a note under the empty result"
send C-l ':pager off' Enter; sleep 0.5
send 'quotes | count by lang | chart bar title "Quotes by language"' Enter
wait_for '^ +Quotes by language$'; wait_for '^lang +┬ count$' 5; wait_for '^no +│█+[▏▎▍▌▋▊▉]? [0-9]+$' 5
ok "chart draws bars of blocks with the title and axis labels in the REPL"
send C-l '> Query("quotes | count by bucket(doc.date, month) as month, lang | chart line").Chart()' Enter
wait_for 'month +\(count on the left\)' 60; wait_for '^ +2022-06$' 5; wait_for '^\([0-9]+ rows without month left out\)' 5
ok "Query(\"… | chart line\").Chart() in C# draws the line chart with its periods"
send ':pager on' Enter; sleep 0.5
send 'help' Enter; wait_for '^Meta commands:'; ok "help is :help"
send C-d; sleep 1
tmux list-panes -t "$session" -F '#{pane_current_command}' | grep -qv dotnet && ok "Ctrl+D leaves"
[[ -s "$state/cql/history" ]] && ok "history kept in \$XDG_STATE_HOME/cql/history"
echo "all checks passed"
