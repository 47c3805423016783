#!/usr/bin/env bash
# The README's first command: set up, build `mlc` (release), check every example, then show
# what a diagnostic looks like.
#   bash scripts/showcase.sh
# Exits non-zero if an example does not check clean.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
echo "== building mlc (release)"
cargo build --release --quiet -p mlc-driver
mlc="${CARGO_TARGET_DIR:-target}/release/mlc"
"$mlc" --version

failed=0
for example in examples/*.ml; do
    echo
    echo "== mlc check $example"
    if "$mlc" check -v "$example"; then
        echo "-> ok"
    else
        echo "-> errors (exit code $?)"
        failed=1
    fi
done

echo
echo "== a program with a mistake: mlc check tests/ui/types_mixed_numeric_types.ml"
"$mlc" check tests/ui/types_mixed_numeric_types.ml || true

echo
echo "== mlc explain E0201"
"$mlc" explain E0201
exit "$failed"
