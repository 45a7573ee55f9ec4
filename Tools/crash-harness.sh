#!/usr/bin/env bash
# Kills rollbook with SIGKILL at random moments of a scripted workload, and checks the store after every kill.
#
#   Tools/crash-harness.sh [KILLS]          # default 200; ROLLBOOK_BINARY=path picks the binary
#
# Each round starts one mutating command (apply, set image, scale, annotate, pause/resume, undo, restart, delete,
# images load...) and SIGKILLs it after a random delay between 0 and 1.1x that command's unkilled run time, so
# kills land in process start, decoding, the write transaction and its commit, and just after. Then:
#   1. `rollbook verify` must pass (hash chain, gapless sequence and versions, projections equal a replay); with a
#      binary that has no `verify`, the projections are compared with a replay of a copy instead;
#   2. Tools/reliability/check-store.py must pass (an independent re-implementation of the log checks, plus
#      command atomicity: the command rows tile the log, so a command's events are all there or none);
#   3. the command's effect is all or nothing: its command row exists exactly when the log grew.
# Prints one line per problem and a summary; exits 1 if any check failed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
kills="${1:-200}"
binary="${ROLLBOOK_BINARY:-}"
if [[ -z "$binary" ]]; then
    for candidate in "$root/.build-reliability/debug/rollbook" "$root/.build/debug/rollbook" "$root/.build/release/rollbook"; do
        [[ -x "$candidate" ]] && binary="$candidate" && break
    done
fi
[[ -x "$binary" ]] || { echo "rollbook binary not found: build it, or set ROLLBOOK_BINARY" >&2; exit 2; }
checker="$root/Tools/reliability/check-store.py"
if "$binary" verify --help >/dev/null 2>&1; then has_verify=true; else has_verify=false; fi

work="$(mktemp -d "${TMPDIR:-/tmp}/rollbook-crash.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export ROLLBOOK_STORE="$work/store.db" ROLLBOOK_ACTOR=crash-harness TZ=UTC
cd "$work"
rb() { "$binary" "$@"; }

manifest() { # name replicas image env
    cat <<YAML
apiVersion: apps/v1
kind: Deployment
metadata: {name: $1, labels: {app: $1}}
spec:
  replicas: $2
  selector: {matchLabels: {app: $1}}
  template:
    metadata: {labels: {app: $1}}
    spec:
      containers:
      - {name: web, image: "$3", env: [{name: ROUND, value: "$4"}]}
YAML
}

rb images load web:1 web:2 web:3 >/dev/null
rb images load slow:1 --startup 5s >/dev/null
for name in alpha beta gamma; do manifest "$name" 3 web:1 0 >"$name.yaml"; rb apply -f "$name.yaml" >/dev/null; done

# The scripted workload, one command line per round (round number substituted for @).
workload=(
    "apply -f alpha.yaml"
    "set image deployment/beta web=web:2"
    "scale deployment/gamma --replicas=8"
    "annotate deployment/alpha round-@=yes"
    "rollout pause deployment/beta"
    "set image deployment/beta web=web:3"
    "rollout resume deployment/beta"
    "rollout undo deployment/alpha"
    "scale deployment/gamma --replicas=2"
    "rollout restart deployment/gamma"
    "images load extra-@:1"
    "set image deployment/alpha web=slow:1"
    "delete deployment alpha"
    "apply -f alpha.yaml"
    "apply -f beta.yaml -f gamma.yaml"
)
rewrite_manifests() { # fresh template content each round, so apply always has work to do
    manifest alpha 4 web:$(( $1 % 3 + 1 )) "$1" >alpha.yaml
    manifest beta 3 web:1 "$1" >beta.yaml
    manifest gamma 5 web:2 "$1" >gamma.yaml
}

# Median run time of the workload, unkilled, in milliseconds.
times=()
for i in "${!workload[@]}"; do
    rewrite_manifests "$i"
    start=$(date +%s%N)
    read -r -a args <<<"${workload[$i]//@/w$i}"
    rb "${args[@]}" >/dev/null 2>&1 || true
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (${#times[@]} + 1) / 2 ))p")
longest=$(printf '%s\n' "${times[@]}" | sort -n | tail -1)
echo "binary: $binary ($($has_verify && echo "checked by rollbook verify" || echo "no verify: replaying a copy"))"
echo "workload run time: median ${median} ms, longest ${longest} ms; each kill after 0..1.1x its command's time"

# `rollbook verify` where this binary has it; else the same projection check by hand: back the store up, replay
# the copy, and compare every projection table before and after.
verify_store() {
    if $has_verify; then "$binary" verify; return; fi
    rm -f "$work/copy.db"*
    sqlite3 "$ROLLBOOK_STORE" ".backup '$work/copy.db'"
    local tables="streams deployments replicasets pods k8s_events revisions images blocked_images container_timers"
    dump() { for table in $tables; do echo "== $table"; sqlite3 "$work/copy.db" "SELECT * FROM $table" | sort; done; }
    local live replayed
    live=$(dump)
    ROLLBOOK_STORE="$work/copy.db" "$binary" replay >/dev/null
    replayed=$(dump)
    [[ "$live" == "$replayed" ]] || { echo "projections differ from a replay of the log"; return 1; }
    echo "projections equal a replay of the log"
}

events() { sqlite3 "file:$ROLLBOOK_STORE?mode=ro" "SELECT count(*) FROM events" 2>/dev/null || echo "?"; }
commands() { sqlite3 "file:$ROLLBOOK_STORE?mode=ro" "SELECT count(*) FROM commands" 2>/dev/null || echo "?"; }

killed=0 finished=0 committed_by_killed=0 rolled_back=0 verify_ok=0 verify_bad=0 check_bad=0 atomic_bad=0
for ((round = 1; round <= kills; round++)); do
    rewrite_manifests "$round"
    index=$(( round % ${#workload[@]} ))
    line="${workload[$index]}"
    window=$(( times[index] * 11 / 10 + 1 ))
    read -r -a args <<<"${line//@/r$round}"
    events_before=$(events) commands_before=$(commands)
    delay=$(( RANDOM * 32768 + RANDOM ))
    delay=$(( delay % (window + 1) ))
    "$binary" "${args[@]}" >/dev/null 2>"err.$round" &  # the binary itself, so $! is its pid
    pid=$!
    sleep "$(printf '0.%03d' "$delay")" 2>/dev/null || sleep "$(( delay / 1000 ))"
    kill -KILL "$pid" 2>/dev/null || true
    status=0
    wait "$pid" 2>/dev/null || status=$?
    if ((status == 137)); then killed=$((killed + 1)); else finished=$((finished + 1)); fi

    if out=$(verify_store 2>&1); then
        verify_ok=$((verify_ok + 1))
    else
        verify_bad=$((verify_bad + 1))
        echo "round $round ($line, killed after ${delay} ms): verify failed: $out"
    fi
    if ! out=$(python3 "$checker" "$ROLLBOOK_STORE" 2>&1); then
        check_bad=$((check_bad + 1))
        echo "round $round ($line): check-store failed: $out"
    fi
    events_after=$(events) commands_after=$(commands)
    grew=$(( events_after > events_before )) recorded=$(( commands_after > commands_before ))
    if ((grew != recorded)); then
        atomic_bad=$((atomic_bad + 1))
        echo "round $round ($line): events $events_before -> $events_after but commands $commands_before -> $commands_after"
    fi
    if ((status == 137)); then
        if ((recorded)); then committed_by_killed=$((committed_by_killed + 1)); else rolled_back=$((rolled_back + 1)); fi
    fi
    if grep -q "database is locked\|Fatal error" "err.$round" 2>/dev/null; then
        echo "round $round ($line): $(cat "err.$round")"
        check_bad=$((check_bad + 1))
    fi
    rm -f "err.$round"
done

echo "rounds: $kills; SIGKILLed mid-command: $killed (committed before the kill: $committed_by_killed," \
    "left no trace: $rolled_back); finished before the signal: $finished"
echo "verify passed: $verify_ok, failed: $verify_bad; check-store failures: $check_bad;" \
    "all-or-nothing violations: $atomic_bad"
echo "final store: $(events) events, $(commands) commands"
((verify_bad == 0 && check_bad == 0 && atomic_bad == 0))
