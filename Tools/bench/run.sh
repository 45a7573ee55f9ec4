#!/usr/bin/env bash
# The Rollbook benchmark suite: builds in release mode, generates a synthetic history through the real
# ControlPlane, and prints one line per metric (figure, baseline, ratio). See README.md, "Performance".
#
#   Tools/bench/run.sh [--scale 10k|100k|1m] [--runs N] [--reuse] [--only append,rebuild,pit,current]
#
# Needs: Swift 6.3, cc, libsqlite3-dev, libdeflate-dev, the sqlite3 CLI, python3 (eventsourcing is pip-installed into
# Tools/bench/.venv). Generated stores go to $BENCH_WORK (default Tools/bench/.work); the 1m scale needs
# about 3 GB there.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

need=()
dpkg -s libsqlite3-dev >/dev/null 2>&1 || need+=(libsqlite3-dev)
dpkg -s libdeflate-dev >/dev/null 2>&1 || need+=(libdeflate-dev)
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
if ((${#need[@]})); then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi

# --static-swift-stdlib: the way to ship a Linux CLI. It saves ~10 ms of dynamic linking per process (Foundation,
# ICU), which the whole-process read metrics would otherwise mostly measure.
flags=(-c release --static-swift-stdlib)
echo "building (${flags[*]}) ..." >&2
swift build "${flags[@]}" --product rollbook-bench >&2
swift build "${flags[@]}" --product rollbook >&2
bin="$(swift build "${flags[@]}" --show-bin-path)"

mkdir -p .work
cc -O2 -o .work/rawsqlite raw/rawsqlite.c -lsqlite3

if [[ ! -x .venv/bin/python ]] || ! .venv/bin/python -c 'import eventsourcing' 2>/dev/null; then
    echo "installing eventsourcing into Tools/bench/.venv ..." >&2
    python3 -m venv .venv
    .venv/bin/pip install -q 'eventsourcing==9.5.0'
fi

exec python3 run.py --work "${BENCH_WORK:-$here/.work}" --bin "$bin" --raw .work/rawsqlite \
    --python .venv/bin/python --peer peer/peer.py "$@"
