#!/usr/bin/env bash
# Run every test: formatting and lints, native unit and fixture tests, the wasm tests in
# headless Chrome, and the end-to-end tests of the demo in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy --workspace --lib --target wasm32-unknown-unknown -- -D warnings
# The API docs, private items included, with every intra-doc link resolved.
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --document-private-items

step "native tests (cargo test)"
cargo test

step "wasm tests in headless Chrome (wasm-pack test)"
CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}" wasm-pack test --headless --chrome

step "release build"
bash scripts/build.sh

step "end-to-end tests in Chromium"
node --test --test-concurrency=1 e2e/
