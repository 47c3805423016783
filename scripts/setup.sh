#!/usr/bin/env bash
# Checks and installs what building and testing mlc needs. Idempotent: a second run changes
# nothing and takes about a second. Works without a terminal (CI=true, no stdin).
#   - the Rust toolchain must already be installed (https://rustup.rs): this script says so
#     and stops if it is not; it adds the rustfmt and clippy components if rustup can;
#   - Debian packages listed in scripts/apt-packages.txt, only the missing ones
#     (`apt-get update` runs only when something is missing; `sudo` only when not root);
#   - the project-local Python environment .venv, (re)populated from requirements.txt only
#     when that file's hash differs from the one stored in .venv/.requirements.sha256.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# ---- Rust --------------------------------------------------------------------------------
if [ -d "$HOME/.cargo/bin" ] && ! command -v cargo >/dev/null 2>&1; then
    export PATH="$HOME/.cargo/bin:$PATH"
fi
command -v cargo >/dev/null 2>&1 && command -v rustc >/dev/null 2>&1 ||
    fail "the Rust toolchain (cargo, rustc) is not installed or not on PATH.
       Install it from https://rustup.rs, open a new shell, and run this script again."
required_rust=$(sed -n 's/^rust-version *= *"\(.*\)"/\1/p' Cargo.toml)
installed_rust=$(rustc --version | awk '{print $2}')
if [ -n "$required_rust" ] &&
    [ "$(printf '%s\n%s\n' "$required_rust" "$installed_rust" | sort -V | head -n1)" != "$required_rust" ]; then
    fail "rustc $installed_rust is older than the $required_rust this workspace needs: run \`rustup update\`."
fi
for component in rustfmt clippy; do
    if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1; then
        command -v rustup >/dev/null 2>&1 ||
            fail "cargo ${component/rustfmt/fmt} is missing and there is no rustup to add it."
        say "adding the $component component"
        rustup component add "$component"
    fi
done

# ---- Debian packages ---------------------------------------------------------------------
missing=()
while read -r package; do
    [ -n "$package" ] || continue
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' scripts/apt-packages.txt)
if [ ${#missing[@]} -gt 0 ]; then
    command -v apt-get >/dev/null 2>&1 ||
        fail "missing packages (${missing[*]}) and no apt-get to install them: install them by hand."
    as_root=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 ||
            fail "missing packages (${missing[*]}): run as root or install sudo."
        as_root=(sudo -n)
    fi
    say "installing ${missing[*]}"
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# ---- Python environment ------------------------------------------------------------------
command -v python3 >/dev/null 2>&1 || fail "python3 is not installed."
wanted_hash=$(sha256sum requirements.txt | cut -d' ' -f1)
stored_hash=$(cat .venv/.requirements.sha256 2>/dev/null || true)
if [ ! -x .venv/bin/python ] || [ "$wanted_hash" != "$stored_hash" ]; then
    if [ ! -x .venv/bin/python ]; then
        say "creating .venv"
        python3 -m venv .venv ||
            fail "\`python3 -m venv\` failed: on Debian install python3-venv."
    fi
    if grep -qv '^[[:space:]]*\(#.*\)\?$' requirements.txt; then
        say "installing requirements.txt into .venv"
        .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
    fi
    echo "$wanted_hash" > .venv/.requirements.sha256
fi

say "ok ($(rustc --version | cut -d' ' -f1-2), $(.venv/bin/python --version))"
