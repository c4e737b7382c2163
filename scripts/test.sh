#!/usr/bin/env bash
# The project's test command (README.md): formatting, lints, every test of the workspace, then
# the dashboard's browser tests (e2e/) when Chromium and e2e's npm packages are installed
# (.ci/run installs both; in CI their absence is a failure, elsewhere a notice).
# Tests read reference data from ../shared when it is present beside the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked
if [ -x "${CHROMIUM:-/usr/bin/chromium}" ] && [ -d e2e/node_modules/playwright-core ]; then
  cargo build --locked -p kestrel-cli
  (cd e2e && npm test)
elif [ "${CI:-}" = true ]; then
  echo "e2e: Chromium or e2e/node_modules missing (run .ci/run, which installs them)" >&2
  exit 1
else
  echo "e2e: skipped (needs /usr/bin/chromium and 'npm ci' in e2e/)" >&2
fi
