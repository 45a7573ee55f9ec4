#!/usr/bin/env bash
# A longer concurrency stress than the test suite's: many rollbook processes mutating one store at once.
#
#   Tools/stress.sh [WRITERS] [COMMANDS_PER_WRITER] [READERS]     # default 8 200 2
#
# Writers run a random mix of apply, set image, scale, annotate, pause/resume, undo, restart, delete and
# images load against five Deployments; readers loop on get, describe and rollout history until the writers
# finish. Afterwards: `rollbook verify`, Tools/reliability/check-store.py, every successful annotate's key is
# still there (unless a later undo or delete replaced the annotations), and no command failed with anything
# but a kubectl-style error. ROLLBOOK_BINARY=path picks the binary.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
writers="${1:-8}" per_writer="${2:-200}" readers="${3:-2}"
binary="${ROLLBOOK_BINARY:-}"
if [[ -z "$binary" ]]; then
    for candidate in "$root/.build-reliability/debug/rollbook" "$root/.build/debug/rollbook" "$root/.build/release/rollbook"; do
        [[ -x "$candidate" ]] && binary="$candidate" && break
    done
fi
[[ -x "$binary" ]] || { echo "rollbook binary not found: build it, or set ROLLBOOK_BINARY" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/rollbook-stress.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export ROLLBOOK_STORE="$work/store.db" ROLLBOOK_ACTOR=stress TZ=UTC
cd "$work"
names=(a b c d e)
for name in "${names[@]}"; do
    cat >"$name.yaml" <<YAML
apiVersion: apps/v1
kind: Deployment
metadata: {name: $name, labels: {app: $name}}
spec:
  selector: {matchLabels: {app: $name}}
  template:
    metadata: {labels: {app: $name}}
    spec: {containers: [{name: web, image: "web:1"}]}
YAML
done
"$binary" images load web:1 web:2 web:3 >/dev/null
"$binary" apply -f a.yaml -f b.yaml -f c.yaml -f d.yaml -f e.yaml >/dev/null

writer() { # id
    local id=$1 step name line status
    for ((step = 0; step < per_writer; step++)); do
        name=${names[$(( RANDOM % ${#names[@]} ))]}
        case $(( RANDOM % 24 )) in
            0 | 1 | 2 | 3) line="annotate deployment/$name w$id-s$step=v" ;;
            4 | 5 | 6 | 7) line="scale deployment/$name --replicas=$(( RANDOM % 5 ))" ;;
            8 | 9) line="set image deployment/$name web=web:$(( RANDOM % 3 + 1 ))" ;;
            10 | 11 | 12) line="apply -f $name.yaml" ;;
            13 | 14) line="rollout pause deployment/$name" ;;
            15 | 16) line="rollout resume deployment/$name" ;;
            17 | 18) line="rollout undo deployment/$name" ;;
            19 | 20) line="rollout restart deployment/$name" ;;
            21) line="delete deployment $name" ;;
            *) line="images load img-$id-$step:1" ;;
        esac
        status=0
        # shellcheck disable=SC2086
        "$binary" $line >/dev/null 2>"err.$id" || status=$?
        printf '%s\t%s\t%s\n' "$status" "$line" "$(head -c 300 "err.$id" | tr '\n' ' ')" >>"log.$id"
    done
}

reader() { # id
    local id=$1 count=0
    while [[ ! -e done ]]; do
        for line in "get deployments" "get rs -o wide" "describe deployment/a" "rollout history deployment/b"; do
            # shellcheck disable=SC2086
            "$binary" $line >/dev/null 2>>"rerr.$id" || [[ $(tail -c 200 "rerr.$id") == *"not found"* ]] || true
            count=$((count + 1))
        done
    done
    echo "$count" >"reads.$id"
}

start=$(date +%s)
for ((r = 0; r < readers; r++)); do reader "$r" & done
pids=()
for ((w = 0; w < writers; w++)); do writer "$w" & pids+=($!); done
for pid in "${pids[@]}"; do wait "$pid"; done
touch done
wait
elapsed=$(( $(date +%s) - start ))

cat log.* >all.log
total=$(wc -l <all.log) ok=$(awk -F'\t' '$1 == 0' all.log | wc -l)
unclean=$(awk -F'\t' '$1 != 0 && $1 != 1' all.log | wc -l)
locked=$( (grep -c "database is locked\|SQLITE\|Fatal error" all.log rerr.* 2>/dev/null || true) | awk -F: '{s += $NF} END {print s + 0}')
odd=$(awk -F'\t' '$1 == 1 && $3 !~ /^(error: |Error from server)/' all.log | wc -l)
reads=$(cat reads.* 2>/dev/null | awk '{s += $1} END {print s + 0}')
echo "writers: $writers x $per_writer commands, readers: $readers ($reads reads) in ${elapsed}s"
echo "commands: $total, succeeded: $ok, refused cleanly: $(( total - ok - unclean - odd )), other failures: $(( unclean + odd ))"
echo "lock errors or crashes: $locked"
awk -F'\t' '$1 != 0 {sub(/"[^"]*"/, "\"…\"", $3); print $3}' all.log | sort | uniq -c | sort -rn | head -8

problems=0
"$binary" verify || problems=$((problems + 1))
python3 "$root/Tools/reliability/check-store.py" "$ROLLBOOK_STORE" || problems=$((problems + 1))
# Annotations committed after the last undo or delete of their Deployment must all still be there.
lost=$(sqlite3 "$ROLLBOOK_STORE" "
    WITH c AS (SELECT first_seq AS n, json_extract(argv, '\$[0]') AS verb, json_extract(argv, '\$[1]') AS target,
                      json_extract(argv, '\$[2]') AS arg FROM commands),
         resets AS (SELECT target, max(n) AS n FROM (
             SELECT n, arg AS target FROM c WHERE verb = 'rollout' AND target = 'undo'
             UNION ALL SELECT n, 'deployment/' || arg FROM c WHERE verb = 'delete') GROUP BY target)
    SELECT count(*) FROM c JOIN deployments d ON c.target = 'deployment/' || d.name
    WHERE c.verb = 'annotate'
      AND c.n > coalesce((SELECT n FROM resets WHERE resets.target = c.target), 0)
      AND json_extract(d.object, '\$.metadata.annotations.\"' || substr(c.arg, 1, instr(c.arg, '=') - 1) || '\"') IS NULL")
echo "annotations lost: $lost"
((lost == 0)) || problems=$((problems + 1))
((locked == 0 && unclean + odd == 0)) || problems=$((problems + 1))
((problems == 0))
