#!/usr/bin/env bash
# The project's test command (README.md): formatting, lints, then every test of the workspace.
# Tests read reference data from ../shared when it is present beside the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked
