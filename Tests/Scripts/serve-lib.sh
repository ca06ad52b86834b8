# Sourced by the test scripts (not run): starts `learning-contract serve` on a free loopback port.
#
# serve_start BIN PREFIX [serve options…]: runs `BIN serve --port 0 OPTIONS` in the background, its standard output
#   in PREFIX.out and its standard error in PREFIX.err, and waits for its "Listening on http://HOST:PORT" line (at most
#   SERVE_WAIT_TENTHS tenths of a second, default 100), stopping early if serve exits. Sets SERVE_PID and SERVE_BASE
#   (no version segment). When serve did not start it prints serve's standard error and returns 1. The caller stops
#   SERVE_PID (its EXIT trap).
serve_start() {
  local bin="$1" prefix="$2" _
  shift 2
  "$bin" serve --port 0 "$@" >"$prefix.out" 2>"$prefix.err" &
  SERVE_PID=$!
  for _ in $(seq 1 "${SERVE_WAIT_TENTHS:-100}"); do
    grep -q '^Listening on ' "$prefix.out" 2>/dev/null && break
    kill -0 "$SERVE_PID" 2>/dev/null || break
    sleep 0.1
  done
  SERVE_BASE="$(sed -n 's/^Listening on //p' "$prefix.out")"
  [ -n "$SERVE_BASE" ] || { echo "serve did not start:" >&2; cat "$prefix.err" >&2; return 1; }
}
