#!/usr/bin/env bash
# Benchmark of the pure health-score engine: builds the Score sources (with UTCTime and
# JSONText) into one optimised binary outside the package, runs it, prints µs per score.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# One module: drop the imports of the package's own modules.
for f in "$root"/Sources/HealthTracker/Score/*.swift "$root"/Sources/UTCTime/*.swift "$root"/Sources/LambdaRuntime/JSONText.swift; do
    sed -E '/^(public )?import (UTCTime|LambdaRuntime)$/d' "$f" > "$work/$(basename "$(dirname "$f")")_$(basename "$f")"
done
cp "$root/scripts/bench-score/main.swift" "$work/main.swift"
swiftc -O -module-name ScoreBench "$work"/*.swift -o "$work/bench"
"$work/bench"
