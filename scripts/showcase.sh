#!/usr/bin/env bash
# The README's first command: set up, build `mlc` and its runtime (release), then show it off:
# check every example, run one in the JIT, build another into a native executable and run
# it, and show what a diagnostic looks like.
#   bash scripts/showcase.sh
# Exits non-zero if an example does not check clean or does not run as expected.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
echo "== building mlc and its runtime (release)"
cargo build --release --quiet -p mlc-driver -p mlc-runtime -p mlc-python-bridge
mlc="${CARGO_TARGET_DIR:-target}/release/mlc"
"$mlc" --version

failed=0
for example in examples/*.ml; do
    if "$mlc" check "$example"; then
        echo "mlc check $example: ok"
    else
        echo "mlc check $example: errors (exit code $?)"
        failed=1
    fi
done

echo
echo "== mlc run examples/word_freq.ml   (Cranelift JIT: compiled in memory, run at once)"
"$mlc" run examples/word_freq.ml | tee /tmp/mlc-showcase-word_freq.out
cmp -s /tmp/mlc-showcase-word_freq.out examples/word_freq.out || { echo "-> unexpected output"; failed=1; }

echo
echo "== mlc build examples/nbody.ml -o target/nbody   (LLVM -O2, a standalone executable)"
"$mlc" build examples/nbody.ml -o target/nbody
echo "== time target/nbody 1000000"
time target/nbody 1000000

echo
echo "== mlc run examples/mandelbrot.ml 48"
"$mlc" run examples/mandelbrot.ml 48

echo
echo "== a program with a mistake: mlc check tests/ui/types_mixed_numeric_types.ml"
"$mlc" check tests/ui/types_mixed_numeric_types.ml || true

echo
echo "== mlc explain E0201"
"$mlc" explain E0201
exit "$failed"
