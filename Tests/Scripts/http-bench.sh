#!/usr/bin/env bash
# Benchmarks the bare LearningHTTP server: `learning-bench http-hello` (fixed ~300-byte JSON 200) under wrk,
# at 2 and 64 connections, release build. Not a test; prints wrk's numbers.
# Usage: Tests/Scripts/http-bench.sh [duration, default 10s] [server threads, default: all cores]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-10s}"
THREADS="${2:-$(nproc)}"
command -v wrk >/dev/null || { echo "wrk not installed (apt-get install -y wrk)" >&2; exit 1; }
swift build -c release --product learning-bench >/dev/null
BIN="$(swift build -c release --show-bin-path)/learning-bench"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
"$BIN" http-hello --port "$PORT" --threads "$THREADS" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/x" >/dev/null && break; sleep 0.1; done
echo "== 2 connections"
wrk -t2 -c2 -d"$DURATION" --latency "http://127.0.0.1:$PORT/x"
echo "== 64 connections"
wrk -t2 -c64 -d"$DURATION" --latency "http://127.0.0.1:$PORT/x"
