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
echo "== cargo build -p mlc-runtime -p mlc-python-bridge (what \`mlc build\` links and embeds)"
# A dependency is built as an rlib only: the tests that build executables need the
# packages' own builds to make target/debug/libmlc_runtime.a and the Python bridge
# target/debug/libmlc_python_bridge.so (which is no dependency at all: it is loaded).
cargo build -p mlc-runtime -p mlc-python-bridge --quiet
echo "== cargo test"
cargo test --workspace --no-fail-fast
echo "== all checks passed"
