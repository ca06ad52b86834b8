#!/usr/bin/env bash
# `conform --html` in a real browser: Chromium (from Debian's packages) renders the report of a green run
# against the embedded emulator and of a deliberately failing run, and nothing in either page touches the network.
#
#   bash Tests/Scripts/check-html-report.sh            # installs chromium with apt-get when it is missing (root)
#   CHROMIUM=/path/to/chromium bash Tests/Scripts/check-html-report.sh
#
# Checks, for each page:
#   - Chromium renders it (--dump-dom): the DOM has the summary, and the failing run's DOM has a deviation row
#     with its expected and actual cells; --screenshot writes a PNG;
#   - the file has no script and no external reference (src/href/srcset/action/... other than #fragments,
#     no url() or @import in CSS);
#   - Chromium loading it makes no request: it runs with every request sent to a local trap proxy (loopback
#     included) and the trap must log none but Chromium's own background services. A self-test first feeds the
#     same harness a page WITH external references and requires the trap to see them, so the check can fail.
# Fails loudly (exit 1) when Chromium can't be installed or run: it never passes without a browser.
set -euo pipefail
cd "$(dirname "$0")/../.."

fail() { echo "check-html-report: FAIL: $*" >&2; exit 1; }
note() { echo "check-html-report: $*" >&2; }

# --- Chromium -------------------------------------------------------------------------------------------------
CHROMIUM="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [ -z "$CHROMIUM" ]; then
    note "chromium not found; installing Debian's package"
    if [ "$(id -u)" -ne 0 ]; then fail "chromium is not installed and this is not root (apt-get install -y chromium)"; fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || fail "apt-get update failed"
    apt-get install -y -qq chromium >&2 || fail "apt-get install chromium failed"
    CHROMIUM="$(command -v chromium || true)"
    [ -n "$CHROMIUM" ] || fail "chromium still not found after apt-get install"
fi
"$CHROMIUM" --version >&2 2>/dev/null || fail "$CHROMIUM --version does not run"

WORK="$(mktemp -d)"
TRAP_PID=""
cleanup() { [ -n "$TRAP_PID" ] && kill "$TRAP_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

# --- Trap proxy: logs the first line of every request Chromium makes, answers 502 ------------------------------
cat > "$WORK/trap.py" <<'PY'
import socket, sys, threading
log = open(sys.argv[1], "a", buffering=1)
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(64)
with open(sys.argv[2], "w") as f:
    f.write(str(server.getsockname()[1]))
def handle(conn):
    try:
        conn.settimeout(5)
        data = conn.recv(4096)
        # A connection closed before sending a byte (Chromium opens spare sockets to its proxy) requested nothing:
        # it is not logged. Any request line, however short, is.
        if data:
            log.write(data.split(b"\r\n", 1)[0].decode("latin-1") + "\n")
        conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    except Exception as error:
        log.write("trap error %r\n" % error)
    finally:
        conn.close()
while True:
    conn, _ = server.accept()
    threading.Thread(target=handle, args=(conn,), daemon=True).start()
PY
python3 "$WORK/trap.py" "$WORK/requests.log" "$WORK/trap.port" &
TRAP_PID=$!
for _ in $(seq 100); do [ -s "$WORK/trap.port" ] && break; sleep 0.1; done
[ -s "$WORK/trap.port" ] || fail "the trap proxy did not start"
TRAP_PORT="$(cat "$WORK/trap.port")"

# Requests Chromium makes by itself (clock, component updater, account check), whatever page it shows.
BACKGROUND='^(GET|POST|CONNECT) (http://)?(clients2\.google\.com|update\.googleapis\.com|accounts\.google\.com|safebrowsing\.googleapis\.com|optimizationguide-pa\.googleapis\.com|content-autofill\.googleapis\.com)[:/]'

# render NAME FILE: dumps the DOM to $WORK/NAME.dom, a screenshot to $WORK/NAME.png, the page's requests to $WORK/NAME.requests
render() {
    local name="$1" file="$2"
    : > "$WORK/requests.log"
    local flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-sync
        --disable-background-networking --disable-component-update --disable-default-apps --disable-extensions
        --proxy-server="http://127.0.0.1:$TRAP_PORT" --proxy-bypass-list="<-loopback>"
        --user-data-dir="$WORK/profile-$name" --window-size=1280,1600)
    timeout 120 "$CHROMIUM" "${flags[@]}" --dump-dom "file://$file" > "$WORK/$name.dom" 2> "$WORK/$name.chromium.log" \
        || { tail -20 "$WORK/$name.chromium.log" >&2; fail "$name: chromium --dump-dom failed"; }
    timeout 120 "$CHROMIUM" "${flags[@]}" --screenshot="$WORK/$name.png" "file://$file" 2>> "$WORK/$name.chromium.log" >&2 \
        || { tail -20 "$WORK/$name.chromium.log" >&2; fail "$name: chromium --screenshot failed"; }
    sleep 0.5
    grep -Ev "$BACKGROUND" "$WORK/requests.log" > "$WORK/$name.requests" || true
    [ -s "$WORK/$name.dom" ] || fail "$name: chromium dumped an empty DOM"
    python3 - "$WORK/$name.png" <<'PY' || fail "$name: no usable screenshot"
import sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
assert len(data) > 5000, "a blank-looking screenshot (%d bytes)" % len(data)
PY
}

# static_check FILE: exit 1 when the HTML has a script, an event handler or an external reference.
static_check() {
    python3 - "$1" <<'PY'
import re, sys
from html.parser import HTMLParser
problems = []
class Check(HTMLParser):
    in_style = False
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "link", "img", "base"):
            problems.append("<%s>" % tag)
        self.in_style = tag == "style"
        for name, value in attrs:
            if name.startswith("on"):
                problems.append("%s handler on <%s>" % (name, tag))
            if name in ("src", "href", "srcset", "action", "formaction", "data", "poster", "background", "xlink:href") \
                    and not (value or "").startswith("#"):
                problems.append('%s="%s" on <%s>' % (name, value, tag))
            if name == "style" and re.search(r"url\(|@import", value or ""):
                problems.append("url() in a style attribute")
    def handle_endtag(self, tag):
        if tag == "style": self.in_style = False
    def handle_data(self, data):
        if self.in_style and re.search(r"url\(|@import", data):
            problems.append("url() or @import in <style>")
Check().feed(open(sys.argv[1], encoding="utf-8").read())
for p in problems: print("  " + p)
sys.exit(1 if problems else 0)
PY
}

# --- Self-test: the harness sees a page's external references ---------------------------------------------------
cat > "$WORK/external.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"/><title>t</title><link rel="stylesheet" href="http://css.example.test/x.css"/>
</head><body><p id="summary">x</p><img src="https://img.example.test/a.png"/></body></html>
HTML
render selftest "$WORK/external.html"
grep -q "css.example.test" "$WORK/selftest.requests" && grep -q "img.example.test" "$WORK/selftest.requests" \
    || { cat "$WORK/requests.log" >&2; fail "self-test: the trap proxy did not see the page's external requests"; }
if static_check "$WORK/external.html" > /dev/null; then fail "self-test: the static check passed a page with external references"; fi
note "self-test ok: a page with external references is caught (by the trap proxy and the static check)"

# --- The reports ------------------------------------------------------------------------------------------------
swift build --product learning-contract >&2
BIN="$(swift build --show-bin-path)/learning-contract"
[ -x "$BIN" ] || fail "learning-contract was not built"

# 1. Green: the whole suite against the embedded emulator.
set +e
"$BIN" conform --html "$WORK/green.html" > "$WORK/green.txt" 2>&1
status=$?
set -e
[ "$status" -eq 0 ] || { tail -20 "$WORK/green.txt" >&2; fail "conform against the embedded emulator exited $status"; }

# 2. Failing: the same suite from a copy of the fixtures in which one expected status is wrong.
cp -R Conformance "$WORK/fixtures"
WRONG_ID="$(python3 - "$WORK/fixtures" <<'PY'
import json, os, sys
root = sys.argv[1]
for directory, _, files in sorted(os.walk(root)):
    for name in sorted(files):
        if not name.endswith(".json") or name == "roles.json":
            continue
        path = os.path.join(directory, name)
        with open(path) as f:
            fixture = json.load(f)
        for step in fixture.get("steps", []):
            expect = step.get("expect", {})
            if expect.get("status") == 200 and "errorRow" not in expect:
                expect["status"] = 299   # no server answers 299 to a documented operation
                with open(path, "w") as f:
                    json.dump(fixture, f, indent=2)
                print(fixture["id"])
                sys.exit(0)
sys.exit("no fixture step expects status 200")
PY
)"
note "planted a wrong expected status (299) in scenario $WRONG_ID"
set +e
"$BIN" conform --fixtures "$WORK/fixtures" --html "$WORK/failing.html" > "$WORK/failing.txt" 2>&1
status=$?
set -e
[ "$status" -eq 1 ] || { tail -20 "$WORK/failing.txt" >&2; fail "conform with a wrong expectation exited $status, not 1"; }

for name in green failing; do
    page="$WORK/$name.html"
    [ -s "$page" ] || fail "$name: conform wrote no HTML report"
    static_check "$page" >&2 || fail "$name: the HTML report has a script or an external reference (above)"
    render "$name" "$page"
    if [ -s "$WORK/$name.requests" ]; then cat "$WORK/$name.requests" >&2; fail "$name: loading the report made network requests (above)"; fi
    grep -q 'id="summary"' "$WORK/$name.dom" || fail "$name: no summary in the rendered DOM"
    grep -q 'id="coverage"' "$WORK/$name.dom" || fail "$name: no coverage matrix in the rendered DOM"
done
grep -q 'class="summary pass"' "$WORK/green.dom" || fail "green: the summary is not marked as passing"
grep -q ' 0 failed, 0 skipped' "$WORK/green.dom" || fail "green: the summary line is not in the DOM"
grep -q 'class="summary fail"' "$WORK/failing.dom" || fail "failing: the summary is not marked as failing"
grep -q 'class="deviation"' "$WORK/failing.dom" || fail "failing: no deviation row in the rendered DOM"
grep -q 'class="expected">299<' "$WORK/failing.dom" || fail "failing: the expected cell does not show the planted 299"
grep -q 'class="actual">200<' "$WORK/failing.dom" || fail "failing: the actual cell does not show 200"
grep -q "$WRONG_ID" "$WORK/failing.dom" || fail "failing: the failing scenario $WRONG_ID is not named"
if [ -n "${HTML_REPORT_KEEP:-}" ]; then
    mkdir -p "$HTML_REPORT_KEEP" && cp "$WORK"/*.html "$WORK"/*.png "$HTML_REPORT_KEEP"/
    note "kept the pages and screenshots in $HTML_REPORT_KEEP"
fi
echo "check-html-report: ok (chromium: $("$CHROMIUM" --version 2>/dev/null | head -1); green and failing reports render, no network)"
