#!/usr/bin/env bash
# Install whatever the project needs and is missing; skip what is present, so a second run
# takes seconds. `setup.sh` covers building and serving; `setup.sh --test` adds the browser.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

with_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Rust: the wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-pack.
if ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack"
  cargo install wasm-pack
fi

# wasm-bindgen-cli at exactly the version in Cargo.lock (wasm-pack uses the one on PATH).
if [ ! -f Cargo.lock ]; then cargo generate-lockfile; fi
wb_version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wb_version" ]; then
  say "installing wasm-bindgen-cli $wb_version"
  # Not --locked: one of its locked dependencies is missing from the registry mirror here.
  cargo install --force wasm-bindgen-cli --version "$wb_version"
fi

# npm packages (vite, binaryen's wasm-opt, playwright-core, ...), from the committed lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

# Browser tests need Debian's Chromium and its driver (never a downloaded browser).
if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing chromium and chromium-driver"
    with_root apt-get update
    DEBIAN_FRONTEND=noninteractive with_root apt-get install -y chromium chromium-driver
  fi
  if ! rustup component list --installed | grep -q '^clippy'; then rustup component add clippy; fi
  if ! rustup component list --installed | grep -q '^rustfmt'; then rustup component add rustfmt; fi
fi
