#!/usr/bin/env bash
# Fuzzes the manifest decoder and Deployment validation with libFuzzer.
#
#   Tools/fuzz/run.sh                 # 10 minutes, then prints the stats line
#   Tools/fuzz/run.sh -max_total_time=60 -jobs=2   # any libFuzzer flag is passed through
#
# The corpus grows in Tools/fuzz/.corpus (not committed), seeded from Tools/fuzz/seeds and the test manifests;
# a crash is written to Tools/fuzz/artifacts/ and should become a case in Tests/RollbookCLITests/BadManifests/.
set -euo pipefail
cd "$(dirname "$0")"

swift build -c release --scratch-path .build \
    -Xswiftc -sanitize=fuzzer,address \
    -Xcc -fsanitize=fuzzer-no-link,address
binary="$(swift build -c release --scratch-path .build --show-bin-path)/ManifestFuzzer"

mkdir -p .corpus artifacts
for dir in seeds ../../Tests/RollbookCLITests/BadManifests ../../Tests/ManifestsTests/Fixtures; do
    [ -d "$dir" ] && find "$dir" -maxdepth 1 -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) \
        -exec cp -n {} .corpus/ \;
done

has_time=false
for arg in "$@"; do [[ "$arg" == -max_total_time=* ]] && has_time=true; done
extra=()
$has_time || extra+=(-max_total_time=600)

# No leak checks (libFuzzer's per input, ASan's at exit): LeakSanitizer reports Swift's lazily initialised static
# schema tables (held by globals, freed by nobody, by design), and a leak is no bug in a one-shot CLI anyway.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
exec "$binary" .corpus -dict=manifest.dict -max_len=16384 -timeout=10 -rss_limit_mb=4096 -detect_leaks=0 \
    -artifact_prefix=artifacts/ -print_final_stats=1 "${extra[@]}" "$@"
