#!/usr/bin/env bash
# Build the wasm and serve the demo at http://127.0.0.1:8080/www/ (Vite; Rust edits rebuild).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
echo "serving the demo at http://127.0.0.1:8080/www/"
exec node_modules/.bin/vite --host 127.0.0.1 --port 8080 --strictPort
