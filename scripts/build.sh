#!/usr/bin/env bash
# Build the wasm module into pkg/ and place the custom element and its stylesheet beside it,
# so that a page with no bundler can load pkg/relations-widget.js. `--dev` skips optimisation
# and minification.
set -euo pipefail
cd "$(dirname "$0")/.."
# npm's binaryen supplies wasm-opt; it must come before any system wasm-opt (Debian's breaks
# the module).
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

mode=--release
[ "${1:-}" = "--dev" ] && mode=--dev
# The module is the cdylib crate crates/wasm (see the root Cargo.toml); --out-dir is relative
# to it.
wasm-pack build crates/wasm --target web "$mode" --out-dir ../../pkg --out-name relations_widget
if [ "$mode" = --release ]; then
  # What a page downloads is minified (the readable element module stays in js/): terser
  # (an npm devDependency) on the element module and on wasm-bindgen's glue.
  terser js/relations-widget.js --module --compress passes=2 --mangle -o pkg/relations-widget.js
  terser pkg/relations_widget.js --module --compress passes=2 --mangle -o pkg/relations_widget.js
  # Short names between the module and its glue instead of wasm-bindgen's hashed ones.
  node scripts/short-names.mjs pkg/relations_widget_bg.wasm pkg/relations_widget.js
else
  cp js/relations-widget.js pkg/relations-widget.js
fi
cp src/view/widget.css pkg/relations-widget.css
cp src/view/host.css pkg/relations-widget-host.css
