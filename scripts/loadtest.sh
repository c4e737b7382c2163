#!/usr/bin/env bash
# Load test of `kestrel serve` (not part of the tests: it takes minutes and a 1 GB store).
#
#   bash scripts/loadtest.sh [STORE] [EVENTS] [SECONDS] [CONNECTIONS]
#
# Builds a store of EVENTS fused events (default 1,000,000) with the bench_store example unless
# STORE (default /tmp/kestrel-bench.db) holds them already, starts `kestrel serve` on it on
# loopback, and runs wrk from a second process against /api/events with typical filters: each
# URL for SECONDS (default 30) with CONNECTIONS (default 50) connections and 2 threads. Prints
# wrk's report (requests per second, latency percentiles, errors) for each URL.
set -euo pipefail
cd "$(dirname "$0")/.."
store=${1:-/tmp/kestrel-bench.db}
events=${2:-1000000}
seconds=${3:-30}
connections=${4:-50}

command -v wrk >/dev/null || apt-get install -y wrk
cargo build --release -p kestrel-cli -p kestrel-store --example bench_store
# The example generates the store when it holds fewer events, then times its own queries.
target/release/examples/bench_store "$store" "$events" >/dev/null

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
target/release/kestrel serve --db "$store" --addr "127.0.0.1:$port" 2>/tmp/kestrel-loadtest-serve.log &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  sleep 0.1
done

base="http://127.0.0.1:$port/api/events"
for query in "limit=50" "actor=PRK&limit=50" "dyad=USA:RUS&limit=50" \
             "root=19&since=2020-01-01&limit=100" "actor=USA&quad=4&until=2018-12-31&limit=50"; do
  echo "== GET /api/events?$query"
  wrk --latency -t2 -c"$connections" -d"${seconds}s" "$base?$query"
done
