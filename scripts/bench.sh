#!/usr/bin/env bash
# Runs the benchmarks kept in the repo, in release builds, and prints their tables.
#   bash scripts/bench.sh                      every benchmark
#   bash scripts/bench.sh check-speed          one of them
#   bash scripts/bench.sh codegen [ARGS...]    the code-generation benchmarks (mlc against C,
#                                              CPython and numpy); ARGS go to
#                                              benchmarks/codegen/run.py (--quick, --no-mlc,
#                                              program names, ...: see its --help)
#   bash scripts/bench.sh python               the Python interop benchmarks (call cost
#                                              against CPython, zero-copy tensor views)
set -euo pipefail
cd "$(dirname "$0")/.."

benchmarks=(check-speed codegen python)

run_codegen() {
    echo "== codegen ($(nproc) cores, $(uname -m))"
    python3 benchmarks/codegen/run.py "$@"
}

run_python() {
    echo "== python ($(nproc) cores, $(uname -m))"
    bash scripts/setup.sh >/dev/null
    python3 benchmarks/python/run.py "$@"
}

if [ "${1:-}" = python ]; then
    shift
    run_python "$@"
    exit
fi

if [ "${1:-}" = codegen ]; then
    shift
    run_codegen "$@"
    exit
fi

selected=("${@:-${benchmarks[@]}}")
for name in "${selected[@]}"; do
    case " ${benchmarks[*]} " in
        *" $name "*) ;;
        *) echo "bench.sh: unknown benchmark '$name' (known: ${benchmarks[*]})" >&2; exit 2 ;;
    esac
done

built=false
for name in "${selected[@]}"; do
    if [ "$name" = codegen ]; then
        run_codegen
        continue
    fi
    if [ "$name" = python ]; then
        run_python
        continue
    fi
    if ! $built; then
        cargo build --release -q -p mlc-benchmarks
        built=true
    fi
    echo "== $name ($(nproc) cores, $(uname -m))"
    "target/release/$name"
done
