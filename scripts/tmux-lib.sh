# Helpers for the tmux checks (repl-tmux-check.sh, output-tmux-check.sh): read the screen of tmux session
# "$session", wait for what a person would wait for, type. Sourced, not run.

screen() { tmux capture-pane -t "$session" -p -S -300; }
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
