#!/usr/bin/env bash
# The README's test command: set up, then every check CI runs.
#   bash scripts/test.sh
# Lints run first because they take seconds; the test suites follow. `cargo fmt --check` is
# not run yet: the workspace has no agreed rustfmt.toml, so it would fail on style alone.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
echo "== cargo clippy (warnings are errors)"
cargo clippy --workspace --all-targets --quiet -- -D warnings
echo "== cargo test"
cargo test --workspace
echo "== all checks passed"
