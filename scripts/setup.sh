#!/usr/bin/env bash
# Checks and installs what building and testing mlc needs. Idempotent: a second run changes
# nothing and takes about a second. Works without a terminal (CI=true, no stdin).
#   - the Rust toolchain must already be installed (https://rustup.rs): this script says so
#     and stops if it is not; it adds the rustfmt and clippy components if rustup can;
#   - Debian packages listed in scripts/apt-packages.txt, only the missing ones
#     (`apt-get update` runs only when something is missing; `sudo` only when not root);
#   - the project-local Python environment .venv, brought to exactly the packages of the lock
#     requirements.txt only when that file's hash differs from the one stored in
#     .venv/.requirements.sha256.
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
# requirements.txt is a complete lock: each package goes in with --no-deps, one at a time, so
# that the disk holds at most one downloaded wheel beside what is installed (the CUDA
# libraries torch needs are wheels of up to 0.7 GB), and nothing goes into pip's cache.
command -v python3 >/dev/null 2>&1 || fail "python3 is not installed."
wanted_hash=$(sha256sum requirements.txt | cut -d' ' -f1)
stored_hash=$(cat .venv/.requirements.sha256 2>/dev/null || true)
if [ ! -x .venv/bin/python ] || [ "$wanted_hash" != "$stored_hash" ]; then
    if [ ! -x .venv/bin/python ]; then
        say "creating .venv"
        python3 -m venv .venv ||
            fail "\`python3 -m venv\` failed: on Debian install python3-venv."
    fi
    mapfile -t locked < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' requirements.txt)
    pip_install() {
        .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-cache-dir \
            --no-deps "$@"
    }
    # Requirements as pip compares names: lower case, a run of -_. as one - (the version
    # changes alike on both sides of a comparison).
    normalized() { tr '[:upper:]' '[:lower:]' | sed -e 's/[-_.]\+/-/g'; }
    installed=$(.venv/bin/python -m pip freeze --disable-pip-version-check | normalized)
    pending=()
    for requirement in "${locked[@]}"; do
        grep -qxF "$(printf '%s' "$requirement" | normalized)" <<<"$installed" ||
            pending+=("$requirement")
    done
    if [ ${#pending[@]} -gt 0 ]; then
        # A fresh environment takes about 6.2 GB (torch and its CUDA libraries); say so before
        # pip runs out of room halfway.
        if ! .venv/bin/python -c 'import torch' >/dev/null 2>&1; then
            needed_kib=$((7 * 1024 * 1024))
            free_kib=$(df -Pk .venv | awk 'NR == 2 { print $4 }')
            if [ "$free_kib" -lt "$needed_kib" ]; then
                fail "the Python environment .venv (torch with its CUDA libraries) needs about 7 GB
       of disk, and only $((free_kib / 1024)) MB are free where it goes ($(df -P .venv | awk 'NR == 2 { print $6 }')).
       Free some space and run this script again: it goes on where it stopped."
            fi
        fi
        say "installing ${#pending[@]} of the ${#locked[@]} packages of requirements.txt into .venv"
        for requirement in "${pending[@]}"; do
            pip_install "$requirement"
        done
    fi
    # Packages the lock no longer names (an earlier lock's, or one installed by hand) go.
    locked_names=$(printf '%s\n' "${locked[@]}" | sed 's/[=<>!~;[].*//' | normalized)
    stale=()
    while read -r name; do
        [ -n "$name" ] && ! grep -qxF "$name" <<<"$locked_names" && stale+=("$name")
    done < <(.venv/bin/python -m pip freeze --disable-pip-version-check | sed 's/[=@ ].*//' | normalized)
    if [ ${#stale[@]} -gt 0 ]; then
        say "removing ${stale[*]} from .venv (not in requirements.txt)"
        .venv/bin/python -m pip uninstall --quiet --disable-pip-version-check -y "${stale[@]}"
    fi
    echo "$wanted_hash" > .venv/.requirements.sha256
fi

say "ok ($(rustc --version | cut -d' ' -f1-2), $(.venv/bin/python --version))"
