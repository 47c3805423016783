#!/usr/bin/env bash
# The README's test command: set up, then every check CI runs.
#   bash scripts/test.sh
# Formatting (rustfmt.toml) and lints run first because they take seconds; the test suites
# follow.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
echo "== cargo fmt --check"
cargo fmt --all --check
echo "== cargo clippy (warnings are errors)"
cargo clippy --workspace --all-targets --quiet -- -D warnings
echo "== cargo test"
cargo test --workspace
echo "== all checks passed"
