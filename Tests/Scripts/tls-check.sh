#!/usr/bin/env bash
# `conform` against an https target with a private CA, end to end: `learning-contract serve` behind a TLS-terminating
# socat proxy whose certificate a throwaway CA signed (made here with openssl, SAN 127.0.0.1).
#   - with --cacert ca.pem: the same exit status and summary as the same run over plain http;
#   - with SSL_CERT_FILE=ca.pem instead: the same;
#   - without either: exit 3 and a TLS error saying the certificate is not trusted;
#   - with --insecure: the same result as plain http, and a warning on stderr.
#
# Usage: Tests/Scripts/tls-check.sh   (env SKIP_BUILD=1 reuses .build/debug)
# Needs: openssl, socat (installed with apt-get when missing; fails loudly if that fails).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${SKIP_BUILD:-}" ]; then swift build --product learning-contract >&2; fi
BIN="$(swift build --show-bin-path)/learning-contract"
command -v openssl >/dev/null || { echo "tls-check: openssl is required" >&2; exit 1; }
if ! command -v socat >/dev/null; then
  echo "tls-check: installing socat" >&2
  { apt-get install -y socat >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y socat >/dev/null 2>&1; }; } \
    || { echo "tls-check: FAIL: socat is missing and apt-get could not install it" >&2; exit 1; }
fi

WORK="$(mktemp -d /tmp/tls-check.XXXXXX)"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

# A CA and a server certificate for 127.0.0.1.
EC=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
( cd "$WORK"
  openssl req -x509 "${EC[@]}" -keyout ca.key -out ca.pem -days 2 -subj "/CN=tls-check CA" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign
  openssl req "${EC[@]}" -keyout server.key -out server.csr -subj "/CN=127.0.0.1"
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' > server.ext
  openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile server.ext
) >"$WORK/openssl.log" 2>&1 || { echo "tls-check: FAIL: openssl could not make the certificates"; cat "$WORK/openssl.log"; exit 1; }

. Tests/Scripts/serve-lib.sh
# start_serve NAME [serve args…]: serve_start, with the server stopped at exit; sets SERVE_URL.
start_serve() {
  local name="$1"; shift
  local started=0
  serve_start "$BIN" "$WORK/$name" "$@" && started=1
  PIDS+=("$SERVE_PID")
  [ "$started" = 1 ] || { echo "tls-check: FAIL: serve did not start"; exit 1; }
  SERVE_URL="$SERVE_BASE"
}

# The TLS proxy: a free port is found by trying (socat can't report the one it picked).
TLS_PORT=""
for _ in $(seq 1 20); do
  candidate=$(( 20000 + RANDOM % 40000 ))
  start_serve tls --base-url "https://127.0.0.1:$candidate"
  BACKEND="${SERVE_URL#http://}"
  socat "OPENSSL-LISTEN:$candidate,bind=127.0.0.1,reuseaddr,fork,cert=$WORK/server.pem,key=$WORK/server.key,verify=0" \
    "TCP:$BACKEND" 2>"$WORK/socat.err" &
  SOCAT_PID=$!
  PIDS+=("$SOCAT_PID")
  for _ in $(seq 1 50); do
    if openssl s_client -connect "127.0.0.1:$candidate" -CAfile "$WORK/ca.pem" -verify_return_error </dev/null >/dev/null 2>&1; then
      TLS_PORT="$candidate"; break
    fi
    kill -0 "$SOCAT_PID" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$TLS_PORT" ] && break
done
[ -n "$TLS_PORT" ] || { echo "tls-check: FAIL: the socat TLS proxy did not start"; cat "$WORK/socat.err"; exit 1; }
start_serve plain
PLAIN="$SERVE_URL/v1.0"
TLS="https://127.0.0.1:$TLS_PORT/v1.0"
FAILED=0

# run NAME [env assignments…] -- [conform args…]: sets STATUS and SUMMARY (the "conform: … scenarios: …" line).
run() {
  local name="$1"; shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done; shift
  set +e
  env NO_COLOR=1 "${envs[@]}" "$BIN" conform "$@" >"$WORK/$name.stdout" 2>"$WORK/$name.stderr"
  STATUS=$?
  set -e
  SUMMARY="$(grep -E 'scenarios: ' "$WORK/$name.stdout" | tail -1 || true)"
}
expect() {  # expect NAME CONDITION-DESCRIPTION RESULT(0/1)
  if [ "$3" = 0 ]; then echo "ok   $1"; else echo "FAIL $1: $2"; FAILED=1; fi
}

run plain -- --base-url "$PLAIN"
PLAIN_STATUS=$STATUS
PLAIN_SUMMARY="${SUMMARY//$PLAIN/TARGET}"
echo "plain http:   exit $PLAIN_STATUS, $PLAIN_SUMMARY"
[ -n "$PLAIN_SUMMARY" ] || { echo "tls-check: FAIL: no summary from the plain run"; tail -20 "$WORK/plain.stderr"; exit 1; }

run cacert -- --base-url "$TLS" --cacert "$WORK/ca.pem"
echo "--cacert:     exit $STATUS, ${SUMMARY//$TLS/TARGET}"
if [ "$STATUS" = "$PLAIN_STATUS" ] && [ "${SUMMARY//$TLS/TARGET}" = "$PLAIN_SUMMARY" ]; then r=0; else r=1; fi
expect "https with --cacert gives the plain-http result" "exit $STATUS: $SUMMARY; $(tail -3 "$WORK/cacert.stderr")" $r

run envfile SSL_CERT_FILE="$WORK/ca.pem" -- --base-url "$TLS"
if [ "$STATUS" = "$PLAIN_STATUS" ] && [ "${SUMMARY//$TLS/TARGET}" = "$PLAIN_SUMMARY" ]; then r=0; else r=1; fi
expect "https with SSL_CERT_FILE gives the plain-http result" "exit $STATUS: $SUMMARY" $r

run untrusted -- --base-url "$TLS"
if [ "$STATUS" = 3 ] && grep -q "not trusted" "$WORK/untrusted.stdout" "$WORK/untrusted.stderr"; then r=0; else r=1; fi
expect "https without the CA: exit 3, not trusted" "exit $STATUS: $(cat "$WORK/untrusted.stdout" "$WORK/untrusted.stderr" | head -5)" $r

run insecure -- --base-url "$TLS" --insecure
if [ "$STATUS" = "$PLAIN_STATUS" ] && [ "${SUMMARY//$TLS/TARGET}" = "$PLAIN_SUMMARY" ] && grep -q "warning: --insecure" "$WORK/insecure.stderr"; then r=0; else r=1; fi
expect "https with --insecure gives the plain-http result and warns" "exit $STATUS: $SUMMARY; $(head -3 "$WORK/insecure.stderr")" $r

run wrongport -- --base-url "https://${PLAIN#http://}"
if [ "$STATUS" = 3 ] && grep -q "plain HTTP" "$WORK/wrongport.stdout" "$WORK/wrongport.stderr"; then r=0; else r=1; fi
expect "an https URL on the plain-http port: exit 3, plain HTTP" "exit $STATUS: $(cat "$WORK/wrongport.stdout" "$WORK/wrongport.stderr" | head -5)" $r

exit $FAILED
