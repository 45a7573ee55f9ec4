#!/usr/bin/env bash
# Builds the store docs/audit-cookbook.md queries: two Deployments, four people, a change-cause, two rollbacks,
# a scale, a paused rollout and a deletion, one simulated minute apart.
# Usage: Tools/audit-cookbook-store.sh STORE [ROLLBOOK]   (ROLLBOOK defaults to .build/debug/rollbook)
set -euo pipefail
store=${1:?usage: $0 STORE [ROLLBOOK]}
rollbook=$(realpath "${2:-.build/debug/rollbook}")
[ -e "$store" ] && { echo "$store exists; choose a new path" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/web.yaml" <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  revisionHistoryLimit: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.25
YAML
cat > "$work/api.yaml" <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 1
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: api:1.0
YAML
export ROLLBOOK_STORE=$(realpath -m "$store")
minute=0
run() { # ACTOR ARGS...
    local actor=$1
    shift
    ROLLBOOK_ACTOR=$actor ROLLBOOK_NOW=$(printf '2026-11-26T09:%02d:00Z' "$minute") "$rollbook" "$@" >/dev/null
    minute=$((minute + 1))
}
cd "$work"
run ops images load nginx:1.25 nginx:1.26 nginx:1.27 api:1.0 api:1.1
run alice apply -f web.yaml
run bob apply -f api.yaml
run alice annotate deployment/web "kubernetes.io/change-cause=security fix CVE-2026-0001"
run alice set image deployment/web web=nginx:1.26
run bob annotate deployment/web --overwrite "kubernetes.io/change-cause=try 1.27"
run bob set image deployment/web web=nginx:1.27
run carol rollout undo deployment/web
run bob scale deployment/api --replicas=3
run bob rollout pause deployment/api
run bob set image deployment/api api=api:1.1
run bob rollout resume deployment/api
run alice rollout undo deployment/web --to-revision=1
run carol scale deployment/web --replicas=5
run dave delete deployment/api
echo "built $store"
