#!/usr/bin/env bash
# Runs the benchmarks kept in the repo, in release builds, and prints their tables.
#   bash scripts/bench.sh              every benchmark
#   bash scripts/bench.sh check-speed  one of them
set -euo pipefail
cd "$(dirname "$0")/.."

benchmarks=(check-speed)
selected=("${@:-${benchmarks[@]}}")

cargo build --release -q -p mlc-benchmarks
for name in "${selected[@]}"; do
    echo "== $name ($(nproc) cores, $(uname -m))"
    "target/release/$name"
done
